/*
 * page_static.c: the assets compiled into the binary (src/assets/), served
 * under /static/ with immutable caching. Pages link them with a ?v= hash of
 * their content, so a changed asset gets a new address.
 */
#include "embedded.h"
#include "pages.h"
#include "req.h"

#include <stdio.h>
#include <string.h>

/* The Content-Type for an asset, by the extension of its name. */
static const char *content_type(const char *name)
{
    static const struct {
        const char *ext;
        const char *type;
    } types[] = {
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
        {".woff2", "font/woff2"},
    };
    const char *dot = strrchr(name, '.');
    if (dot)
        for (size_t i = 0; i < ARRAY_LEN(types); i++)
            if (strcmp(dot, types[i].ext) == 0) return types[i].type;
    return "application/octet-stream";
}

void page_static(Req *r)
{
    const char *rest = r->path + strlen("/static/");
    const EmbeddedFile *f = NULL;
    if (*rest && !strstr(rest, "..") && strlen(rest) < 200) {
        char name[256];
        snprintf(name, sizeof name, "assets/%s", rest);
        f = embedded_find(name);
    }
    if (!f) {
        web_error(r, 404, "There is no file at this address.");
        return;
    }
    r->cacheable = true;
    web_reply_asset(r, content_type(f->name), f->data, f->len);
}
