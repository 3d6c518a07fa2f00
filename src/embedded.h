/*
 * embedded.h: files compiled into the binary by tools/embed.c (the schema
 * migrations under sql/, the stylesheet under assets/, reference data under
 * data/). The table ends with a NULL name.
 */
#ifndef ASSURE_EMBEDDED_H
#define ASSURE_EMBEDDED_H
#include <stddef.h>

typedef struct EmbeddedFile {
    const char *name; /* path relative to src/, e.g. "sql/001_core.sql" */
    const char *data; /* the bytes, NUL-terminated */
    size_t len;       /* length without the NUL */
} EmbeddedFile;

extern const EmbeddedFile embedded_files[];

/* Returns the embedded file with that name, or NULL. */
const EmbeddedFile *embedded_find(const char *name);

#endif
