/*
 * svg.c: line and ranked bar charts as inline SVG (see svg.h).
 *
 * Layout in user units of the viewBox (= pixels at the default size): a plot
 * area framed by margins; the left margin fits the widest y tick label, the
 * top row holds the unit caption and the legend, the bottom the x labels.
 * Text width is estimated at CHAR_W units per character (font-size 12, as
 * the stylesheet sets), as
 * there is no way to measure text on the server.
 *
 * All text goes through html_printf's escaping %s; numbers are formatted
 * with fixed decimals ("%.1f" for coordinates), so the output is identical
 * on every run and golden tests can compare it.
 */
#include "svg.h"
#include "html.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define CHAR_W 6.6        /* estimated width of one character at font-size 12 */
#define VALUE_LIMIT 1e15  /* values beyond +-this are clamped */
#define MAX_TICKS 60      /* a scale never draws more ticks than this */
#define BAR_LABEL_MAX 18  /* characters of a rotated bar label kept */

/* Returns v if positive, else dflt, and never less than min. */
static int dim(int v, int dflt, int min)
{
    if (v <= 0) v = dflt;
    return v < min ? min : v;
}

/* Clamps a finite value into +-VALUE_LIMIT (keeps the arithmetic finite). */
static double clampv(double v)
{
    if (v > VALUE_LIMIT) return VALUE_LIMIT;
    if (v < -VALUE_LIMIT) return -VALUE_LIMIT;
    return v;
}

/* Counts the characters (not bytes) of UTF-8 text; 0 for NULL. */
static int utf8_chars(const char *s)
{
    int n = 0;
    for (; s && *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) n++;
    return n;
}

/* Copies at most max characters of UTF-8 text s into out (size outlen),
 * ending with an ellipsis when shortened; out is always terminated. */
static void utf8_shorten(const char *s, int max, char *out, size_t outlen)
{
    size_t i = 0, j = 0;
    int chars = 0;
    if (!s) s = "";
    if (utf8_chars(s) <= max) {
        snprintf(out, outlen, "%s", s);
        return;
    }
    while (s[i]) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (chars == max - 1) break;
            chars++;
        }
        i++;
    }
    /* i is at the start of the character that no longer fits */
    j = i < outlen - 4 ? i : outlen - 4;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80) j--; /* whole characters only */
    memcpy(out, s, j);
    memcpy(out + j, "\xE2\x80\xA6", 4); /* U+2026 and the NUL */
}

/* Writes fabs(v) rounded to dec decimals with thousands separators in the
 * integer part, and a minus sign when v is negative and does not round to
 * zero, into out. */
static void fmt_fixed(char *out, size_t outlen, double v, int dec)
{
    char tmp[64], res[96];
    snprintf(tmp, sizeof tmp, "%.*f", dec, fabs(v));
    const char *dot = strchr(tmp, '.');
    size_t intlen = dot ? (size_t)(dot - tmp) : strlen(tmp);
    bool zero = strspn(tmp, "0.") == strlen(tmp);
    size_t j = 0;
    if (v < 0 && !zero) res[j++] = '-';
    for (size_t i = 0; i < intlen && j < sizeof res - 2; i++) {
        if (i > 0 && (intlen - i) % 3 == 0) res[j++] = ',';
        res[j++] = tmp[i];
    }
    res[j] = 0;
    snprintf(out, outlen, "%s%s", res, dot ? dot : "");
}

void svg_fmt_tick(char *out, size_t outlen, double v, double step)
{
    int dec = 0;
    if (step > 0 && isfinite(step))
        while (dec < 10) {
            double s = step * pow(10, dec);
            if (fabs(s - round(s)) < 1e-6 * (s > 1 ? s : 1)) break;
            dec++;
        }
    fmt_fixed(out, outlen, v, dec);
}

void svg_fmt_value(char *out, size_t outlen, double v)
{
    if (!isfinite(v)) {
        snprintf(out, outlen, "n/a");
        return;
    }
    double a = fabs(v);
    int dec = (fabs(v - round(v)) < 1e-9 || a >= 1000) ? 0 : a >= 10 ? 1 : 2;
    fmt_fixed(out, outlen, v, dec);
    if (dec > 0) { /* drop trailing zeros: "12.50" -> "12.5", "3.00" -> "3" */
        size_t n = strlen(out);
        while (n > 0 && out[n - 1] == '0') out[--n] = 0;
        if (n > 0 && out[n - 1] == '.') out[--n] = 0;
    }
}

/* Formats v with its unit ("1,234 crimes", "45.2%") into out. */
static void fmt_with_unit(char *out, size_t outlen, double v, const char *unit)
{
    char num[64];
    svg_fmt_value(num, sizeof num, v);
    if (!unit || !*unit) snprintf(out, outlen, "%s", num);
    else if (strcmp(unit, "%") == 0) snprintf(out, outlen, "%s%%", num);
    else snprintf(out, outlen, "%s %s", num, unit);
}

SvgTicks svg_nice_ticks(double lo, double hi, int target)
{
    SvgTicks t;
    if (!isfinite(lo)) lo = 0;
    if (!isfinite(hi)) hi = lo + 1;
    lo = clampv(lo);
    hi = clampv(hi);
    if (hi < lo) {
        double x = lo;
        lo = hi;
        hi = x;
    }
    if (!(hi > lo)) hi = lo + (lo == 0 ? 1 : fabs(lo) * 0.1);
    if (target < 1) target = 5;
    double raw = (hi - lo) / target;
    double mag = pow(10, floor(log10(raw)));
    double norm = raw / mag;
    double step = (norm <= 1 + 1e-9 ? 1 : norm <= 2 + 1e-9 ? 2 : norm <= 5 + 1e-9 ? 5 : 10) * mag;
    t.step = step;
    t.lo = floor(lo / step + 1e-9) * step;
    t.hi = ceil(hi / step - 1e-9) * step;
    if (!(t.hi > t.lo)) t.hi = t.lo + step;
    double nt = round((t.hi - t.lo) / step) + 1;
    if (!(nt >= 2 && nt <= MAX_TICKS)) { /* precision trouble: two ticks, the ends */
        t.lo = lo;
        t.hi = hi;
        t.step = hi - lo;
        nt = 2;
    }
    t.n = (int)nt;
    return t;
}

/* The value of tick k of t, with rounding noise near zero removed. */
static double tick_value(const SvgTicks *t, int k)
{
    double v = t->lo + k * t->step;
    if (fabs(v) < t->step * 1e-9) v = 0;
    return v;
}

/* Opens the <svg> element with its accessible name and description. */
static void svg_open(Buf *out, int w, int h, const char *title, const char *desc)
{
    html_printf(out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
        " role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"12\"><title>%s</title>",
        w, h, w, h, title, title);
    if (desc && *desc) html_printf(out, "<desc>%s</desc>", desc);
}

/* Appends a whole chart that only says "No data". */
static void svg_empty(Buf *out, int w, int h, const char *title)
{
    svg_open(out, w, h, title, "No data");
    html_printf(out, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">No data</text></svg>",
        w / 2.0, h / 2.0);
}

/* The plot area and the y scale shared by both charts. */
typedef struct Frame {
    double x0, x1, y0, y1; /* plot area: left, right, top, bottom */
    SvgTicks t;            /* the y scale */
} Frame;

/* Maps a value to its y coordinate. */
static double frame_y(const Frame *f, double v)
{
    return f->y1 - (clampv(v) - f->t.lo) / (f->t.hi - f->t.lo) * (f->y1 - f->y0);
}

/* Returns the width the y tick labels of t need. */
static double tick_label_width(const SvgTicks *t)
{
    int maxc = 1;
    for (int k = 0; k < t->n; k++) {
        char s[64];
        svg_fmt_tick(s, sizeof s, tick_value(t, k), t->step);
        int c = utf8_chars(s);
        if (c > maxc) maxc = c;
    }
    return maxc * CHAR_W;
}

/* Draws the horizontal grid lines with their labels, the y axis, and the
 * baseline (the zero line when zero is in range, else the bottom edge). */
static void draw_y_axis(Buf *out, const Frame *f)
{
    html_lit(out, "<g class=\"grid\" stroke=\"#dddddd\">");
    for (int k = 0; k < f->t.n; k++) {
        double y = frame_y(f, tick_value(&f->t, k));
        html_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", f->x0, y, f->x1, y);
    }
    html_lit(out, "</g>");
    for (int k = 0; k < f->t.n; k++) {
        double v = tick_value(&f->t, k), y = frame_y(f, v);
        char s[64];
        svg_fmt_tick(s, sizeof s, v, f->t.step);
        html_printf(out, "<text class=\"label tick\" x=\"%.1f\" y=\"%.1f\" dy=\"0.32em\" text-anchor=\"end\">%s</text>",
            f->x0 - 6, y, s);
    }
    double base = f->t.lo <= 0 && f->t.hi >= 0 ? frame_y(f, 0) : f->y1;
    html_printf(out,
        "<g class=\"axis\" stroke=\"currentColor\">"
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/></g>",
        f->x0, f->y0, f->x0, f->y1, f->x0, base, f->x1, base);
}

/* The class list of series k: "series", then its own class or "series-<k+1>"
 * for all but the first. Written into out. */
static void series_class(const SvgSeries *s, int k, char *out, size_t outlen)
{
    if (s->cls && *s->cls) snprintf(out, outlen, "series %s", s->cls);
    else if (k > 0) snprintf(out, outlen, "series series-%d", k + 1);
    else snprintf(out, outlen, "series");
}

/* Points of series k the chart draws. */
static int series_points(const SvgLineChart *c, int k)
{
    int m = c->series[k].n < c->n ? c->series[k].n : c->n;
    return c->series[k].y && m > 0 ? m : 0;
}

void svg_line_chart(Buf *out, const SvgLineChart *c)
{
    int w = dim(c->width, 640, 200), h = dim(c->height, 260, 120);
    const char *title = c->title && *c->title ? c->title : "Chart";
    int nseries = c->series && c->nseries > 0 ? c->nseries : 0;
    double lo = INFINITY, hi = -INFINITY;
    for (int k = 0; k < nseries; k++)
        for (int i = 0; i < series_points(c, k); i++) {
            double v = c->series[k].y[i];
            if (!isfinite(v)) continue;
            v = clampv(v);
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
    if (!(lo <= hi)) {
        svg_empty(out, w, h, title);
        return;
    }
    bool target = c->has_target && isfinite(c->target);
    if (target) {
        if (c->target < lo) lo = clampv(c->target);
        if (c->target > hi) hi = clampv(c->target);
    }
    if (lo >= 0) lo = 0; /* a zero baseline for non-negative data */
    if (!(hi > lo)) hi = lo + (lo == 0 ? 1 : fabs(lo) * 0.1);

    Frame f;
    f.t = svg_nice_ticks(lo, hi, 5);
    bool have_x = c->xlabels != NULL && c->n > 0;
    /* centred x labels must not cross the edges of the picture */
    int xlabel_chars = 1;
    for (int i = 0; have_x && i < c->n; i++) {
        int ch = utf8_chars(c->xlabels[i]);
        if (ch > xlabel_chars) xlabel_chars = ch;
    }
    double half = have_x ? xlabel_chars * CHAR_W / 2 + 2 : 0;
    f.x0 = tick_label_width(&f.t) + 14;
    if (f.x0 < half && half < w / 4.0) f.x0 = half;
    f.x1 = w - (half > 30 && half < w / 4.0 ? half : 30);
    f.y0 = 24;
    f.y1 = h - (have_x ? 30 : 12);
    if (f.y1 - f.y0 < 20) f.y1 = f.y0 + 20;
    if (f.x1 - f.x0 < 20) f.x1 = f.x0 + 20;
    double span = f.x1 - f.x0;
/* the x coordinate of point i (a single point sits in the middle) */
#define XAT(i) (c->n > 1 ? f.x0 + (double)(i) * span / (c->n - 1) : (f.x0 + f.x1) / 2)

    /* the description: each series' latest value */
    Buf desc = {0};
    for (int k = 0; k < nseries; k++) {
        const SvgSeries *s = &c->series[k];
        for (int i = series_points(c, k) - 1; i >= 0; i--) {
            if (!isfinite(s->y[i])) continue;
            char v[96];
            fmt_with_unit(v, sizeof v, s->y[i], c->yunit);
            buf_puts(&desc, desc.len ? "; " : "Latest: ");
            if (s->name && *s->name) buf_printf(&desc, "%s ", s->name);
            buf_puts(&desc, v);
            if (have_x && c->xlabels[i]) buf_printf(&desc, " (%s)", c->xlabels[i]);
            break;
        }
    }
    if (target) {
        char v[96];
        fmt_with_unit(v, sizeof v, c->target, c->yunit);
        buf_printf(&desc, "; %s: %s", c->target_label && *c->target_label ? c->target_label : "Target", v);
    }
    svg_open(out, w, h, title, buf_cstr(&desc));
    buf_free(&desc);

    /* the unit caption and the legend share the top row */
    double lx = 4;
    if (c->yunit && *c->yunit) {
        html_printf(out, "<text class=\"label unit\" x=\"4\" y=\"12\">%s</text>", c->yunit);
        lx += utf8_chars(c->yunit) * CHAR_W + 16;
    }
    if (lx < f.x0) lx = f.x0;
    if (nseries > 1) {
        html_lit(out, "<g class=\"legend\">");
        for (int k = 0; k < nseries; k++) {
            char cls[96];
            series_class(&c->series[k], k, cls, sizeof cls);
            const char *name = c->series[k].name ? c->series[k].name : "";
            html_printf(out,
                "<line class=\"%s\" x1=\"%.1f\" y1=\"9\" x2=\"%.1f\" y2=\"9\" stroke=\"currentColor\" stroke-width=\"2\"/>"
                "<text class=\"label\" x=\"%.1f\" y=\"12\">%s</text>",
                cls, lx, lx + 16, lx + 20, name);
            lx += 20 + utf8_chars(name) * CHAR_W + 14;
        }
        html_lit(out, "</g>");
    }

    draw_y_axis(out, &f);

    /* x labels, thinned to fit; counted back from the last, always drawn */
    if (have_x) {
        double need = xlabel_chars * CHAR_W + 10;
        /* labels `every` points apart stand every*span/(n-1) apart */
        int every = c->n > 1 ? (int)ceil(need * (c->n - 1) / span - 1e-9) : 1;
        if (every < 1) every = 1;
        html_lit(out, "<g class=\"axis\" stroke=\"currentColor\">");
        for (int i = c->n - 1; i >= 0; i -= every)
            html_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", XAT(i), f.y1, XAT(i), f.y1 + 4);
        html_lit(out, "</g>");
        for (int i = c->n - 1; i >= 0; i -= every)
            html_printf(out, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                XAT(i), f.y1 + 16, c->xlabels[i] ? c->xlabels[i] : "");
    }

    if (target) {
        double y = frame_y(&f, c->target);
        char v[96];
        fmt_with_unit(v, sizeof v, c->target, c->yunit);
        /* the label goes on the side of the line the latest quarter of the
         * points are not on, so the lines do not run through it */
        int above = 0, below = 0;
        for (int k = 0; k < nseries; k++)
            for (int i = series_points(c, k) * 3 / 4; i < series_points(c, k); i++) {
                if (!isfinite(c->series[k].y[i])) continue;
                if (c->series[k].y[i] > c->target) above++;
                else below++;
            }
        double ly = above > below ? y + 14 : y - 4;
        if (ly < f.y0 + 10) ly = y + 14;
        if (ly > f.y1 - 2) ly = y - 4;
        html_printf(out,
            "<line class=\"target\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"currentColor\" stroke-dasharray=\"6 4\"/>"
            "<text class=\"label target-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s: %s</text>",
            f.x0, y, f.x1, y, f.x1, ly,
            c->target_label && *c->target_label ? c->target_label : "Target", v);
    }

    /* the series: one path each, a new subpath after every gap; a point
     * with gaps on both sides gets a dot, the last value a marker */
    for (int k = 0; k < nseries; k++) {
        const SvgSeries *s = &c->series[k];
        int m = series_points(c, k);
        char cls[96];
        series_class(s, k, cls, sizeof cls);
        Buf d = {0}, dots = {0};
        int run = 0, last = -1;
        for (int i = 0; i <= m; i++) {
            bool ok = i < m && isfinite(s->y[i]);
            if (ok) {
                buf_printf(&d, "%c%.1f,%.1f", run ? 'L' : 'M', XAT(i), frame_y(&f, s->y[i]));
                run++;
                last = i;
            } else {
                if (run == 1)
                    html_printf(&dots, "<circle class=\"%s point\" cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"currentColor\"/>",
                        cls, XAT(i - 1), frame_y(&f, s->y[i - 1]));
                run = 0;
            }
        }
        if (d.len)
            html_printf(out, "<path class=\"%s\" d=\"%s\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"/>",
                cls, buf_cstr(&d));
        html_trusted(out, &dots);
        if (last >= 0)
            html_printf(out, "<circle class=\"%s marker\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"currentColor\"/>",
                cls, XAT(last), frame_y(&f, s->y[last]));
        buf_free(&d);
        buf_free(&dots);
    }
#undef XAT
    html_lit(out, "</svg>");
}

/* Appends one legend entry (a swatch of class cls and its text) at x and
 * returns the x after it. */
static double bar_legend(Buf *out, double x, const char *cls, const char *text)
{
    html_printf(out, "<rect class=\"%s\" x=\"%.1f\" y=\"4\" width=\"10\" height=\"10\"/>"
        "<text class=\"label\" x=\"%.1f\" y=\"13\">%s</text>", cls, x, x + 14, text);
    return x + 14 + utf8_chars(text) * CHAR_W + 14;
}

void svg_bar_chart(Buf *out, const SvgBarChart *c)
{
    int w = dim(c->width, 640, 200), h = dim(c->height, 320, 140);
    const char *title = c->title && *c->title ? c->title : "Chart";
    int n = c->bars && c->n > 0 ? c->n : 0;
    double lo = INFINITY, hi = -INFINITY;
    int self = -1, npeer = 0, nother = 0, imax = -1, imin = -1;
    for (int i = 0; i < n; i++) {
        double v = c->bars[i].value;
        if (c->bars[i].highlight == 1 && self < 0) self = i;
        else if (c->bars[i].highlight == 2) npeer++;
        else if (c->bars[i].highlight != 1) nother++;
        if (!isfinite(v)) continue;
        v = clampv(v);
        if (v < lo) lo = v;
        if (v > hi) hi = v;
        if (imax < 0 || v > c->bars[imax].value) imax = i;
        if (imin < 0 || v < c->bars[imin].value) imin = i;
    }
    if (!(lo <= hi)) {
        svg_empty(out, w, h, title);
        return;
    }
    if (lo > 0) lo = 0; /* bars always stand on zero */
    if (hi < 0) hi = 0;
    if (!(hi > lo)) hi = lo + 1;

    Frame f;
    f.t = svg_nice_ticks(lo, hi, 5);
    f.x0 = tick_label_width(&f.t) + 14;
    f.x1 = w - 10;
    if (f.x1 - f.x0 < 20) f.x1 = f.x0 + 20;
    double slot = (f.x1 - f.x0) / n;

    /* labels: horizontal when the longest fits its slot, else rotated by
     * 60 degrees and shortened; every `every`-th drawn (highlighted always) */
    int maxc = 1;
    for (int i = 0; i < n; i++) {
        int ch = utf8_chars(c->bars[i].label);
        if (ch > maxc) maxc = ch;
    }
    bool rotate = maxc * CHAR_W + 4 > slot;
    int shown = rotate && maxc > BAR_LABEL_MAX ? BAR_LABEL_MAX : maxc;
    if (rotate) { /* the first label reaches left by half its length */
        double reach = shown * CHAR_W * 0.5 + 4 - slot / 2;
        if (f.x0 < reach && reach < w / 3.0) {
            f.x0 = reach;
            slot = (f.x1 - f.x0) / n;
        }
    }
    int every = rotate && slot < 12 ? (int)ceil(12 / slot) : 1;
    double below = rotate ? shown * CHAR_W * 0.866 + 18 : 22;
    f.y0 = 34;
    f.y1 = h - below;
    if (f.y1 - f.y0 < 30) f.y1 = f.y0 + 30;

    Buf desc = {0};
    char v[96];
    buf_printf(&desc, "%d bars", n);
    if (imax >= 0) {
        fmt_with_unit(v, sizeof v, c->bars[imax].value, c->yunit);
        buf_printf(&desc, "; highest %s %s", c->bars[imax].label ? c->bars[imax].label : "", v);
        fmt_with_unit(v, sizeof v, c->bars[imin].value, c->yunit);
        buf_printf(&desc, "; lowest %s %s", c->bars[imin].label ? c->bars[imin].label : "", v);
    }
    if (self >= 0) {
        fmt_with_unit(v, sizeof v, c->bars[self].value, c->yunit);
        buf_printf(&desc, "; %s %s, bar %d of %d", c->bars[self].label ? c->bars[self].label : "", v, self + 1, n);
    }
    svg_open(out, w, h, title, buf_cstr(&desc));
    buf_free(&desc);

    double lx = 4;
    if (c->yunit && *c->yunit) {
        html_printf(out, "<text class=\"label unit\" x=\"4\" y=\"13\">%s</text>", c->yunit);
        lx += utf8_chars(c->yunit) * CHAR_W + 16;
    }
    if (lx < f.x0) lx = f.x0;
    if (self >= 0 || npeer > 0) {
        html_lit(out, "<g class=\"legend\">");
        if (self >= 0)
            lx = bar_legend(out, lx, "bar self",
                c->self_label ? c->self_label : c->bars[self].label ? c->bars[self].label : "");
        if (npeer > 0) lx = bar_legend(out, lx, "bar peer", c->peer_label ? c->peer_label : "Peer group");
        if (nother > 0) bar_legend(out, lx, "bar", c->other_label ? c->other_label : "Other forces");
        html_lit(out, "</g>");
    }

    draw_y_axis(out, &f);

    double zero = frame_y(&f, 0);
    for (int i = 0; i < n; i++) {
        const SvgBar *b = &c->bars[i];
        const char *cls = b->highlight == 1 ? "bar self" : b->highlight == 2 ? "bar peer" : "bar";
        double cx = f.x0 + (i + 0.5) * slot;
        if (isfinite(b->value)) {
            double y = frame_y(&f, b->value);
            double top = y < zero ? y : zero, ht = fabs(zero - y);
            fmt_with_unit(v, sizeof v, b->value, c->yunit);
            html_printf(out, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %s</title></rect>",
                cls, f.x0 + i * slot + slot * 0.1, top, slot * 0.8, ht, b->label ? b->label : "", v);
            if (i == self) {
                svg_fmt_value(v, sizeof v, b->value);
                html_printf(out, "<text class=\"label value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                    cx, top - 4, v);
            }
        }
        if (i % every != 0 && b->highlight == 0) continue;
        const char *lcls = b->highlight == 1 ? "label self" : b->highlight == 2 ? "label peer" : "label";
        char lab[BAR_LABEL_MAX * 4 + 8];
        if (rotate) {
            utf8_shorten(b->label, BAR_LABEL_MAX, lab, sizeof lab);
            html_printf(out, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" transform=\"rotate(-60 %.1f %.1f)\">%s</text>",
                lcls, cx, f.y1 + 10, cx, f.y1 + 10, lab);
        } else {
            html_printf(out, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                lcls, cx, f.y1 + 15, b->label ? b->label : "");
        }
    }
    html_lit(out, "</svg>");
}
