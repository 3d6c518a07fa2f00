/*
 * helpers.h: small helpers shared by the unit tests: temporary files and
 * databases. Included by test_*.c (header-only, static functions).
 */
#ifndef ASSURE_TEST_HELPERS_H
#define ASSURE_TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

/* A fresh temporary directory for this test process; the caller frees it. */
static inline char *tmpdir_new(void)
{
    const char *base = getenv("TMPDIR");
    char *t = malloc(4096);
    snprintf(t, 4096, "%s/assure-unit-XXXXXX", base && *base ? base : "/tmp");
    assert_non_null(mkdtemp(t));
    return t;
}

/* Writes text to dir/name and returns the path (caller frees). */
static inline char *write_file(const char *dir, const char *name, const char *text)
{
    char *p = malloc(4096);
    snprintf(p, 4096, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fwrite(text, 1, strlen(text), f);
    fclose(f);
    return p;
}

#endif
