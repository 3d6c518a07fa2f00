/*
 * pack.h: the performance pack: one self-contained HTML document (CSS and
 * SVG inline, no external request), fit to print, with sources, "as at"
 * dates and the Open Government Licence attribution.
 */
#ifndef ASSURE_PACK_H
#define ASSURE_PACK_H

#include "measures.h"
#include "util.h"

/* Writes the whole document for force index fi and month end (YYYYMM).
 * inline_css: embed the stylesheet (the file written by `assure pack`), or
 * link /static/style.css (the web page, whose CSP forbids inline styles). */
void pack_render(Buf *out, sqlite3 *db, const MeasureSet *ms, int fi, int end, bool inline_css, Arena *a);

#endif
