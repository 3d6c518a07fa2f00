# assure: one hand-written GNU Makefile.
#
#   make            build build/assure
#   make run        install what is missing, build, create assure.db with demo
#                   data if absent, and serve it at http://127.0.0.1:8080
#   make check      build (release and sanitizer builds) and run every test
#   make bench      the benchmarks, printed beside their peers
#   make lint       the source lints alone
#   make clean
# V=1 shows the full compiler lines.

VERSION := 0.1.0
PKGS    := sqlite3 libmicrohttpd libsodium libzip libcrypto jansson
PORT    ?= 8080

CC      ?= cc
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2 -Wno-format-nonliteral -Wvla
BASE    := -std=c11 -D_GNU_SOURCE -DASSURE_VERSION='"$(VERSION)"' -Isrc -Ibuild/gen $(WARN) -MMD -MP
PKGCFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKGLIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS  ?= -O2 -g
ASANFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDLIBS   = $(PKGLIBS) -lm -lpthread

SRC      := $(sort $(wildcard src/*.c))
EMBEDDED := $(sort $(wildcard src/sql/*.sql src/assets/* src/data/*))
OBJ      := $(SRC:src/%.c=build/obj/%.o) build/obj/embedded.o
ASAN_OBJ := $(SRC:src/%.c=build/asan/%.o) build/asan/embedded.o
LIB_ASAN := $(filter-out build/asan/main.o,$(ASAN_OBJ))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/tests/%)

ifeq ($(V),1)
Q :=
else
Q := @
endif

.PHONY: all run check bench clean lint deps deps-test asan unit cli-tests web-tests data-tests
all: build/assure

deps:
	@sh tools/deps.sh build

build/embed: tools/embed.c
	@mkdir -p $(@D)
	$(Q)$(CC) -O1 -o $@ $<

build/gen/embedded.c: build/embed $(EMBEDDED)
	@mkdir -p $(@D)
	$(Q)build/embed $@ $(EMBEDDED)

build/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(BASE) $(PKGCFLAGS) $(CFLAGS) -c -o $@ $<

build/obj/embedded.o: build/gen/embedded.c
	$(Q)$(CC) $(BASE) $(CFLAGS) -c -o $@ $<

build/asan/%.o: src/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC asan $<")
	$(Q)$(CC) $(BASE) $(PKGCFLAGS) $(ASANFLAGS) -c -o $@ $<

build/asan/embedded.o: build/gen/embedded.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(BASE) $(ASANFLAGS) -c -o $@ $<

build/assure: $(OBJ)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $(OBJ) $(LDLIBS)

build/asan/assure: $(ASAN_OBJ)
	@$(if $(Q),echo "  LD asan $@")
	$(Q)$(CC) $(ASANFLAGS) -o $@ $(ASAN_OBJ) $(LDLIBS)

asan: build/asan/assure

build/tests/%: tests/unit/%.c $(LIB_ASAN)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC test $<")
	$(Q)$(CC) $(BASE) $(PKGCFLAGS) $(ASANFLAGS) -o $@ $< $(LIB_ASAN) $(LDLIBS) -lcmocka

run: deps
	@$(MAKE) --no-print-directory build/assure
	@test -f assure.db || build/assure init --demo --db assure.db
	@build/assure ui --db assure.db --port $(PORT)

deps-test:
	@sh tools/deps.sh test
	@sh tests/npm-install.sh

lint:
	@sh tests/lint.sh

unit: $(UNIT_BIN)
	@sh tests/run-unit.sh $(UNIT_BIN)

check: deps-test
	@$(MAKE) --no-print-directory build/assure build/asan/assure $(UNIT_BIN)
	@sh tests/run-all.sh

bench:
	@sh tools/deps.sh bench
	@$(MAKE) --no-print-directory build/assure
	@sh bench/run.sh

clean:
	rm -rf build

-include $(OBJ:.o=.d) $(ASAN_OBJ:.o=.d)
