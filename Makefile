# Loom: one set of noweb chapters that is both a kernel and a book.
# `make help` lists the verbs.  Nothing under build/ is ever edited.

ARCHES   := riscv64 aarch64 x86_64 loongarch64
CHAPTERS := $(patsubst chapters/%.nw,%,$(sort $(wildcard chapters/[0-9][0-9]-*.nw)))
# The default chapter is the message queue once it exists, else the newest.
DEFAULT_CH := $(or $(filter 05-msgqueue,$(CHAPTERS)),$(lastword $(CHAPTERS)))

ARCH ?= riscv64
CH   ?= $(DEFAULT_CH)
SMP  ?= 1
# CH may be given as 01, helloworld or 01-helloworld.
override CH := $(or $(filter $(CH),$(CHAPTERS)),$(filter $(CH)-%,$(CHAPTERS)),$(filter %-$(CH),$(CHAPTERS)),$(CH))

ifeq ($(filter $(ARCH),$(ARCHES)),)
$(info make: unknown ARCH=$(ARCH); valid values: $(ARCHES))
$(error unknown ARCH)
endif
ifeq ($(filter $(CH),$(CHAPTERS)),)
$(info make: unknown CH=$(CH); valid values: $(CHAPTERS))
$(error unknown CH)
endif

# Every verb but these needs the tools, checked once (sub-makes inherit
# LOOM_TOOLS_OK).  `make run` and `make test` install what is missing.
NO_TOOLS_NEEDED := deps help clean handout handin
ifeq ($(LOOM_TOOLS_OK),)
ifneq ($(filter-out $(NO_TOOLS_NEEDED),$(or $(MAKECMDGOALS),run)),)
ifneq ($(filter run test,$(or $(MAKECMDGOALS),run)),)
$(if $(shell sh tools/deps.sh --check >/dev/null 2>&1 || echo missing),$(shell sh tools/deps.sh >&2))
endif
TOOLS_MISSING := $(shell sh tools/deps.sh --check 2>&1 >/dev/null | tr '\n' ' ')
ifneq ($(TOOLS_MISSING),)
$(error $(TOOLS_MISSING))
endif
export LOOM_TOOLS_OK := yes
endif
endif

# EXTRA=file.nw... continues the chapters' chunks (a student's exercises,
# a test kernel); such a kernel is built apart, in build/ARCH/CH+name/.
EXTRA    ?=
# APP=name builds the root app/name.c of the chapter instead of its own app
# (make bench), in build/ARCH/CH+name/.
APP      ?=
# LOOM_OUT=dir (from the environment) builds in dir instead: a grade's own
# folder (tests/graders/lib.sh), where answers of the same name never meet.
OUT      := $(or $(LOOM_OUT),build/$(ARCH)/$(CH)$(subst $(eval) ,,$(foreach e,$(EXTRA) $(APP),+$(basename $(notdir $(e))))))
KMAKE     = $(MAKE) --no-print-directory -f tools/kernel.mk ARCH=$(ARCH) CH=$(CH) OUT=$(OUT) $(if $(APP),APP=$(APP))
NW       := $(shell tangle/files.sh $(ARCH) $(CH) $(EXTRA))

.DEFAULT_GOAL := run
.PHONY: outdir vars help deps tangle check build run debug test book pdf epub grade class bench handout handin clean qemu-cmd disk-path book-trees FORCE

help:
	@echo "make run   [ARCH=$(ARCH)] [CH=$(CH)] [SMP=1]  build and boot a chapter's kernel on QEMU"
	@echo "make build [ARCH=...] [CH=...]           build it only (build/ARCH/CH/)"
	@echo "make debug [ARCH=...] [CH=...]           QEMU halted with a gdb stub, and gdb-multiarch"
	@echo "make test                                the whole test suite: N passed, N failed"
	@echo "make check                               the chunk checker"
	@echo "make tangle                              tangle every chapter for every machine"
	@echo "make book                                the woven book: build/book/index.html"
	@echo "make epub                                the same book as build/book/loom.epub"
	@echo "make grade EX=01.1 [ARCH=..] [STOP=1]    grade your exercises/01.1.nw (ANSWER=file.nw: another file)"
	@echo "make handin [STUDENT=name]               pack your answers: build/handin/STUDENT.tar.gz"
	@echo "make bench [BENCH_ARCHES=riscv64]       instructions per yield and per message (chapter 5)"
	@echo "make handout [UPTO=NN] [HANDOUT=dir.git] teachers: the student tree, as a git repository"
	@echo "make class DIR=folder [EX=..] [TIMEOUT=s] teachers: grade a folder of students' answers"
	@echo "make deps                                install what is missing (Debian 12)"
	@echo "make clean                               remove build/"
	@echo "machines: $(ARCHES)"
	@echo "chapters: $(CHAPTERS)"

deps:
	@sh tools/deps.sh

# The chapters no other chapter builds on: each is the last of a line of
# chapters (most chapters build on all before them; 16 and 17 do not), and
# together their kernels hold every chunk.  The checker reads each line
# whole; the book's identifier index reads their tangled trees.
LEAVES = $(filter-out $(foreach c,$(CHAPTERS),$(shell tangle/files.sh --builds-on $(c))),$(CHAPTERS))

check:
	@for a in $(ARCHES); do for c in $(LEAVES); do \
	  tangle/check.sh $$(tangle/files.sh $$a $$c) || exit 1; \
	done; done; echo "check: the chunk graph is sound on $(ARCHES) ($(LEAVES))"

tangle:
	@for a in $(ARCHES); do for c in $(CHAPTERS); do \
	  $(MAKE) --no-print-directory -s ARCH=$$a CH=$$c tangle-one || exit 1; done; done

# A kernel with EXTRA or APP starts, the first time, as a copy of the
# chapter's own build when there is one: the tangle then rewrites only the
# files the extra chunks change (an unchanged file keeps its old time), and
# make recompiles those and what includes them, not all forty files.  The
# copied dependency files name the chapter's directory: sed renames it.
BASE_OUT := build/$(ARCH)/$(CH)
.PHONY: tangle-one
tangle-one:
	@if [ "$(OUT)" != "$(BASE_OUT)" ] && [ ! -e "$(OUT)/src" ] && [ -f "$(BASE_OUT)/kernel.elf" ]; then \
	  mkdir -p "$(OUT)" && cp -a "$(BASE_OUT)/src" "$(BASE_OUT)/obj" "$(OUT)/" && \
	  find "$(OUT)/obj" -name '*.d' -exec sed -i 's|$(BASE_OUT)/|$(OUT)/|g' {} + ; fi
	@TANGLE_ARCH=$(ARCH) tangle/tangle.sh $(OUT)/src $(NW)

build: tangle-one
	@$(KMAKE)

outdir:
	@echo $(OUT)

vars: tangle-one
	@$(KMAKE) -s print-vars

qemu-cmd: tangle-one
	@$(KMAKE) -s SMP=$(SMP) print-qemu

disk-path: tangle-one
	@$(KMAKE) -s print-disk

run: build
	@$(KMAKE) SMP=$(SMP) run

debug: build
	@$(KMAKE) SMP=$(SMP) debug

test:
	@tests/run.sh

# The book's identifier index reads the tangled trees of the leaves (every
# root of every chapter is in one of them), on every machine.
BOOK_TREES = $(foreach a,$(ARCHES),$(foreach c,$(LEAVES),build/$(a)/$(c)/src))
book-trees:
	@for a in $(ARCHES); do for c in $(LEAVES); do \
	  $(MAKE) --no-print-directory -s ARCH=$$a CH=$$c tangle-one || exit 1; done; done

book: book-trees
	@LOOM_TANGLED="$(BOOK_TREES)" book/weave.sh build/book $(BOOK_NW)
	@python3 book/checklinks.py build/book
	@echo "book: build/book/index.html"

BOOK_NW = $(foreach c,$(CHAPTERS),chapters/$(c).nw $(foreach a,$(ARCHES),$(wildcard arch/$(a)/$(c).nw)))

epub: book-trees
	@LOOM_TANGLED="$(BOOK_TREES)" book/weave.sh --epub build/book/loom.epub $(BOOK_NW)
	@python3 book/checklinks.py build/book/loom.epub
	@echo "epub: build/book/loom.epub"

pdf:
	@command -v pdflatex >/dev/null || { echo "pdf: needs pdflatex (Debian: texlive-latex-recommended), which make deps does not install; make book and make epub work without it" >&2; exit 1; }
	@echo "pdf: not written yet: the HTML and EPUB books are the supported formats" >&2; exit 1

# make grade EX=NN.K: every machine, unless ARCH is given on the command
# line; STOP=1 stops at the first machine that fails.
EX ?=
ANSWER ?=
STOP ?=
grade:
	@GRADE_ARCHES="$(if $(filter command line,$(origin ARCH)),$(ARCH),$(GRADE_ARCHES))" GRADE_STOP="$(STOP)" \
	  tests/grade.sh $(EX) $(ANSWER)

bench:
	@tools/bench.sh $(BENCH_ARCHES)

# Teachers: the handout, a git repository students clone and later pull
# the next chapters from; a class's answers graded in one table.
UPTO    ?=
HANDOUT ?=
handout:
	@UPTO="$(UPTO)" HANDOUT="$(HANDOUT)" tests/handout.sh

DIR     ?=
TIMEOUT ?=
class:
	@GRADE_ARCHES="$(if $(filter command line,$(origin ARCH)),$(ARCH),$(GRADE_ARCHES))" \
	  CLASS_TIMEOUT="$(or $(TIMEOUT),900)" tests/class.sh "$(DIR)" $(EX)

# Students: exactly the answer files, exercises/NN.K.nw, in one archive.
STUDENT ?=
handin:
	@STUDENT="$(STUDENT)" tests/handin.sh

clean:
	rm -rf build
