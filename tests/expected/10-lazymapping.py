# The crate's run (arceos-lazymapping), written from its README and
# program: chapter 9's lines up to the way down (the stack's area is
# printed the same), one fault for the top stack page, and the exit that
# now says "system".
import os
exec(open(os.path.join(HERE, "09-userprivilege.py")).read())

EXIT = ["handle_syscall ...", "[SYS_EXIT]: system is exiting .."]
APP = user_run("/sbin/origin") + ["handle page fault OK!"] + EXIT + \
      ["monolithic kernel exit [0] normally!"]

EXPECTED = BANNER + APP
