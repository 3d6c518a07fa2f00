/*
 * expr.c: parsing, checking and evaluating measure expressions (see
 * expr.h). A recursive-descent parser builds a tree whose nodes each own a
 * batch-sized output column; evaluation walks the tree once per batch.
 */
#include "expr.h"
#include "facts.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
    N_NUM, N_STR, N_NULL, N_FIELD, N_PERIOD_END, N_NEG, N_ADD, N_SUB, N_MUL, N_DIV,
    N_EQ, N_NE, N_LT, N_LE, N_GT, N_GE, N_IN, N_ISNULL, N_NOTNULL, N_AND, N_OR, N_NOT, N_CALL,
} NodeKind;

#define MAX_ARGS 16

struct Expr {
    NodeKind kind;
    ExprType type;
    double num;          /* N_NUM */
    char *str;           /* N_STR: the literal; N_IN: unused */
    int field;           /* N_FIELD */
    const FactFunc *fn;  /* N_CALL */
    Expr *a[MAX_ARGS];   /* operands; N_IN: a[0] the value, a[1..] the list */
    int na;
    double code;         /* N_STR compared with a text field: its code */
    double *out;         /* EXPR_BATCH values */
    double *prior;       /* N_CALL prior(): per row of the bound data */
};

/* ---- lexing and parsing ---- */

typedef struct Parser {
    const char *src, *p;
    const Fact *fact;
    bool period_end_ok;
    char *err;
    size_t errlen;
    bool failed;
} Parser;

static void fail(Parser *ps, const char *at, const char *fmt, ...) PRINTF(3, 4);
static void fail(Parser *ps, const char *at, const char *fmt, ...)
{
    if (ps->failed) return;
    ps->failed = true;
    int n = snprintf(ps->err, ps->errlen, "at character %d: ", (int)(at - ps->src) + 1);
    if (n < 0 || (size_t)n >= ps->errlen) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ps->err + n, ps->errlen - (size_t)n, fmt, ap);
    va_end(ap);
}

static Expr *node(NodeKind k, ExprType t)
{
    Expr *e = xcalloc(1, sizeof *e);
    e->kind = k;
    e->type = t;
    e->out = xmalloc(EXPR_BATCH * sizeof(double));
    return e;
}

void expr_free(Expr *e)
{
    if (!e) return;
    for (int i = 0; i < e->na; i++) expr_free(e->a[i]);
    free(e->str);
    free(e->out);
    free(e->prior);
    free(e);
}

const char *expr_type_name(ExprType t)
{
    switch (t) {
    case T_NUM: return "a number";
    case T_DUR: return "a duration";
    case T_TIME: return "a date-time";
    case T_BOOL: return "a yes/no condition";
    case T_TEXT: return "text";
    }
    return "?";
}

ExprType expr_type(const Expr *e)
{
    return e->type;
}

static void skip_space(Parser *ps)
{
    while (isspace((unsigned char)*ps->p)) ps->p++;
}

/* True (and consumes it) when the next token is the keyword kw. */
static bool keyword(Parser *ps, const char *kw)
{
    skip_space(ps);
    size_t n = strlen(kw);
    if (strncasecmp(ps->p, kw, n) == 0 && !isalnum((unsigned char)ps->p[n]) && ps->p[n] != '_') {
        ps->p += n;
        return true;
    }
    return false;
}

/* True (and consumes it) when the next token is the operator op. */
static bool punct(Parser *ps, const char *op)
{
    skip_space(ps);
    size_t n = strlen(op);
    if (strncmp(ps->p, op, n) == 0) {
        ps->p += n;
        return true;
    }
    return false;
}

bool expr_parse_duration(const char *s, double *secs)
{
    int h, m, sec;
    char tail;
    if (sscanf(s, "%d:%d:%d%c", &h, &m, &sec, &tail) == 3 && h >= 0 && m >= 0 && m < 60 && sec >= 0 && sec < 60) {
        *secs = h * 3600.0 + m * 60.0 + sec;
        return true;
    }
    char *end;
    double v = strtod(s, &end);
    if (end == s || v < 0) return false;
    double unit = *end == 's' ? 1 : *end == 'm' ? 60 : *end == 'h' ? 3600 : *end == 'd' ? 86400 : 0;
    if (!unit || end[1]) return false;
    *secs = v * unit;
    return true;
}

static Expr *parse_or(Parser *ps);

/* A function's arguments, checked against its signature. */
static Expr *parse_call(Parser *ps, const char *at, const FactFunc *fn)
{
    Expr *e = node(N_CALL, fn->ret);
    e->fn = fn;
    if (!punct(ps, ")")) {
        do {
            const char *arg_at = ps->p;
            skip_space(ps);
            arg_at = ps->p;
            Expr *a = parse_or(ps);
            if (!a) {
                expr_free(e);
                return NULL;
            }
            if (e->na == fn->nargs) {
                expr_free(a);
                fail(ps, arg_at, "%s() takes %d argument%s", fn->name, fn->nargs, fn->nargs == 1 ? "" : "s");
                expr_free(e);
                return NULL;
            }
            if (a->type != fn->args[e->na]) {
                fail(ps, arg_at, "argument %d of %s() must be %s, not %s", e->na + 1, fn->name, expr_type_name(fn->args[e->na]), expr_type_name(a->type));
                expr_free(a);
                expr_free(e);
                return NULL;
            }
            if (fn->fn == FN_PRIOR && e->na == 0 && a->kind != N_FIELD) {
                fail(ps, arg_at, "the first argument of prior() must be a field (e.g. victim)");
                expr_free(a);
                expr_free(e);
                return NULL;
            }
            e->a[e->na++] = a;
        } while (punct(ps, ","));
        if (!punct(ps, ")")) {
            fail(ps, ps->p, "expected ',' or ')' in the arguments of %s()", fn->name);
            expr_free(e);
            return NULL;
        }
    }
    if (e->na != fn->nargs) {
        fail(ps, at, "%s() takes %d argument%s, found %d", fn->name, fn->nargs, fn->nargs == 1 ? "" : "s", e->na);
        expr_free(e);
        return NULL;
    }
    return e;
}

static Expr *parse_primary(Parser *ps)
{
    skip_space(ps);
    const char *at = ps->p;
    char c = *ps->p;
    if (c == '(') {
        ps->p++;
        Expr *e = parse_or(ps);
        if (e && !punct(ps, ")")) {
            fail(ps, ps->p, "expected ')'");
            expr_free(e);
            return NULL;
        }
        return e;
    }
    if (c == '\'') {
        const char *q = strchr(ps->p + 1, '\'');
        if (!q) {
            fail(ps, at, "text starting here has no closing quote");
            return NULL;
        }
        Expr *e = node(N_STR, T_TEXT);
        e->str = xstrndup(ps->p + 1, (size_t)(q - ps->p - 1));
        e->code = NAN;
        ps->p = q + 1;
        return e;
    }
    if (isdigit((unsigned char)c) || (c == '.' && isdigit((unsigned char)ps->p[1]))) {
        char *end;
        double v = strtod(ps->p, &end);
        Expr *e;
        if (*end == ':' || ((*end == 's' || *end == 'm' || *end == 'h' || *end == 'd') && !isalnum((unsigned char)end[1]))) {
            const char *q = end;
            if (*end == ':') while (isdigit((unsigned char)*q) || *q == ':') q++;
            else q = end + 1;
            char tmp[32];
            snprintf(tmp, sizeof tmp, "%.*s", (int)(q - ps->p), ps->p);
            double secs;
            if (!expr_parse_duration(tmp, &secs)) {
                fail(ps, at, "\"%s\" is not a duration (like 30s, 10m, 2h, 28d or 00:10:00)", tmp);
                return NULL;
            }
            e = node(N_NUM, T_DUR);
            e->num = secs;
            ps->p = q;
        } else {
            if (isalpha((unsigned char)*end)) {
                fail(ps, at, "\"%.*s\": a duration's unit is s, m, h or d", (int)(end - ps->p + 1), ps->p);
                return NULL;
            }
            e = node(N_NUM, T_NUM);
            e->num = v;
            ps->p = end;
        }
        return e;
    }
    if (isalpha((unsigned char)c) || c == '_') {
        const char *q = ps->p;
        while (isalnum((unsigned char)*q) || *q == '_') q++;
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(q - ps->p), ps->p);
        ps->p = q;
        if (strcasecmp(name, "true") == 0 || strcasecmp(name, "false") == 0) {
            Expr *e = node(N_NUM, T_BOOL);
            e->num = strcasecmp(name, "true") == 0;
            return e;
        }
        if (strcasecmp(name, "null") == 0) return node(N_NULL, T_NUM);
        if (strcmp(name, "period_end") == 0) {
            if (!ps->period_end_ok) {
                fail(ps, at, "period_end is only known for a measure counted at a period's end (counted: live from ... to ...)");
                return NULL;
            }
            return node(N_PERIOD_END, T_TIME);
        }
        skip_space(ps);
        if (*ps->p == '(') {
            ps->p++;
            for (int i = 0; i < ps->fact->nfuncs; i++)
                if (strcmp(ps->fact->funcs[i].name, name) == 0) return parse_call(ps, at, &ps->fact->funcs[i]);
            fail(ps, at, "unknown function \"%s\"%s%s", name, ps->fact->nfuncs ? "; functions of " : " (", ps->fact->name);
            if (ps->fact->nfuncs) {
                size_t len = strlen(ps->err);
                for (int i = 0; i < ps->fact->nfuncs && len < ps->errlen; i++)
                    len += (size_t)snprintf(ps->err + len, ps->errlen - len, "%s %s()", i ? "," : ":", ps->fact->funcs[i].name);
            } else {
                size_t len = strlen(ps->err);
                snprintf(ps->err + len, ps->errlen - len, " has none)");
            }
            return NULL;
        }
        int fi = fact_field(ps->fact, name);
        if (fi < 0) {
            char list[512];
            fact_field_list(ps->fact, list, sizeof list);
            fail(ps, at, "unknown field \"%s\" (%s has: %s)", name, ps->fact->name, list);
            return NULL;
        }
        Expr *e = node(N_FIELD, ps->fact->fields[fi].type);
        e->field = fi;
        return e;
    }
    if (!c) fail(ps, at, "the expression ends too early");
    else fail(ps, at, "unexpected \"%c\"", c);
    return NULL;
}

static Expr *parse_unary(Parser *ps)
{
    skip_space(ps);
    const char *at = ps->p;
    if (punct(ps, "-")) {
        Expr *x = parse_unary(ps);
        if (!x) return NULL;
        if (x->type != T_NUM && x->type != T_DUR) {
            fail(ps, at, "'-' needs a number or a duration, not %s", expr_type_name(x->type));
            expr_free(x);
            return NULL;
        }
        Expr *e = node(N_NEG, x->type);
        e->a[e->na++] = x;
        return e;
    }
    return parse_primary(ps);
}

/* The type of a op b for arithmetic, or -1 when it makes no sense. */
static int arith_type(NodeKind op, ExprType a, ExprType b)
{
    if (a == T_NUM && b == T_NUM) return T_NUM;
    switch (op) {
    case N_ADD:
        if (a == T_DUR && b == T_DUR) return T_DUR;
        if ((a == T_TIME && b == T_DUR) || (a == T_DUR && b == T_TIME)) return T_TIME;
        return -1;
    case N_SUB:
        if (a == T_TIME && b == T_TIME) return T_DUR;
        if (a == T_TIME && b == T_DUR) return T_TIME;
        if (a == T_DUR && b == T_DUR) return T_DUR;
        return -1;
    case N_MUL:
        if ((a == T_DUR && b == T_NUM) || (a == T_NUM && b == T_DUR)) return T_DUR;
        return -1;
    case N_DIV:
        if (a == T_DUR && b == T_DUR) return T_NUM;
        if (a == T_DUR && b == T_NUM) return T_DUR;
        return -1;
    default:
        return -1;
    }
}

static Expr *binary(Parser *ps, const char *at, NodeKind k, Expr *l, Expr *r)
{
    int t = arith_type(k, l->type, r->type);
    if (t < 0) {
        static const char *const ops[] = {[N_ADD] = "+", [N_SUB] = "-", [N_MUL] = "*", [N_DIV] = "/"};
        fail(ps, at, "cannot compute %s %s %s", expr_type_name(l->type), ops[k], expr_type_name(r->type));
        expr_free(l);
        expr_free(r);
        return NULL;
    }
    Expr *e = node(k, (ExprType)t);
    e->a[0] = l;
    e->a[1] = r;
    e->na = 2;
    return e;
}

static Expr *parse_mul(Parser *ps)
{
    Expr *l = parse_unary(ps);
    while (l) {
        skip_space(ps);
        const char *at = ps->p;
        NodeKind k;
        if (punct(ps, "*")) k = N_MUL;
        else if (punct(ps, "/")) k = N_DIV;
        else break;
        Expr *r = parse_unary(ps);
        if (!r) {
            expr_free(l);
            return NULL;
        }
        l = binary(ps, at, k, l, r);
    }
    return l;
}

static Expr *parse_add(Parser *ps)
{
    Expr *l = parse_mul(ps);
    while (l) {
        skip_space(ps);
        const char *at = ps->p;
        NodeKind k;
        if (punct(ps, "+")) k = N_ADD;
        else if (*ps->p == '-' && ps->p[1] != '-' && punct(ps, "-")) k = N_SUB;
        else break;
        Expr *r = parse_mul(ps);
        if (!r) {
            expr_free(l);
            return NULL;
        }
        l = binary(ps, at, k, l, r);
    }
    return l;
}

/* Checks that a and b can be compared; a null literal compares with all. */
static bool comparable(Parser *ps, const char *at, Expr *a, Expr *b)
{
    if (a->kind == N_NULL || b->kind == N_NULL) {
        fail(ps, at, "compare with null using 'is null' or 'is not null'");
        return false;
    }
    if (a->type == b->type) {
        if (a->type == T_TEXT && !(a->kind == N_STR || b->kind == N_STR)) {
            fail(ps, at, "text can only be compared with a literal like 'north'");
            return false;
        }
        return true;
    }
    const char *hint = "";
    if (a->type == T_DUR && b->type == T_NUM) hint = " (write a duration with its unit, e.g. 10m or 24h)";
    if (a->type == T_TIME || b->type == T_TIME) hint = " (compare a date-time with a date-time, e.g. period_end - 7d)";
    fail(ps, at, "cannot compare %s with %s%s", expr_type_name(a->type), expr_type_name(b->type), hint);
    return false;
}

static Expr *parse_cmp(Parser *ps)
{
    Expr *l = parse_add(ps);
    if (!l) return NULL;
    skip_space(ps);
    const char *at = ps->p;
    static const struct {
        const char *op;
        NodeKind k;
    } ops[] = {{"<=", N_LE}, {">=", N_GE}, {"!=", N_NE}, {"<>", N_NE}, {"=", N_EQ}, {"<", N_LT}, {">", N_GT}};
    for (size_t i = 0; i < ARRAY_LEN(ops); i++) {
        if (!punct(ps, ops[i].op)) continue;
        Expr *r = parse_add(ps);
        if (!r) {
            expr_free(l);
            return NULL;
        }
        if (!comparable(ps, at, l, r)) {
            expr_free(l);
            expr_free(r);
            return NULL;
        }
        if (l->type == T_TEXT && ops[i].k != N_EQ && ops[i].k != N_NE) {
            fail(ps, at, "text can only be compared with = or !=");
            expr_free(l);
            expr_free(r);
            return NULL;
        }
        Expr *e = node(ops[i].k, T_BOOL);
        e->a[0] = l;
        e->a[1] = r;
        e->na = 2;
        return e;
    }
    if (keyword(ps, "is")) {
        bool neg = keyword(ps, "not");
        if (!keyword(ps, "null")) {
            fail(ps, ps->p, "expected 'null' after 'is%s'", neg ? " not" : "");
            expr_free(l);
            return NULL;
        }
        Expr *e = node(neg ? N_NOTNULL : N_ISNULL, T_BOOL);
        e->a[e->na++] = l;
        return e;
    }
    const char *save = ps->p;
    bool neg = keyword(ps, "not");
    if (keyword(ps, "in")) {
        if (!punct(ps, "(")) {
            fail(ps, ps->p, "expected '(' after 'in'");
            expr_free(l);
            return NULL;
        }
        Expr *e = node(N_IN, T_BOOL);
        e->a[e->na++] = l;
        do {
            skip_space(ps);
            const char *item_at = ps->p;
            Expr *x = parse_add(ps);
            if (!x || !comparable(ps, item_at, l, x) || e->na == MAX_ARGS) {
                if (x && e->na == MAX_ARGS) fail(ps, item_at, "at most %d values in a list", MAX_ARGS - 1);
                expr_free(x);
                expr_free(e);
                return NULL;
            }
            e->a[e->na++] = x;
        } while (punct(ps, ","));
        if (!punct(ps, ")")) {
            fail(ps, ps->p, "expected ',' or ')' in the list");
            expr_free(e);
            return NULL;
        }
        if (!neg) return e;
        Expr *n = node(N_NOT, T_BOOL);
        n->a[n->na++] = e;
        return n;
    }
    ps->p = save;
    return l;
}

static Expr *parse_not(Parser *ps)
{
    skip_space(ps);
    const char *at = ps->p;
    if (keyword(ps, "not")) {
        Expr *x = parse_not(ps);
        if (!x) return NULL;
        if (x->type != T_BOOL) {
            fail(ps, at, "'not' needs a yes/no condition, not %s", expr_type_name(x->type));
            expr_free(x);
            return NULL;
        }
        Expr *e = node(N_NOT, T_BOOL);
        e->a[e->na++] = x;
        return e;
    }
    return parse_cmp(ps);
}

/* Parses operands joined by `kw` (and/or), each a yes/no condition. */
static Expr *parse_logic(Parser *ps, const char *kw, NodeKind k, Expr *(*sub)(Parser *))
{
    skip_space(ps);
    const char *at = ps->p;
    Expr *l = sub(ps);
    if (!l) return NULL;
    while (true) {
        skip_space(ps);
        const char *op_at = ps->p;
        if (!keyword(ps, kw)) break;
        skip_space(ps);
        const char *r_at = ps->p;
        Expr *r = sub(ps);
        if (!r) {
            expr_free(l);
            return NULL;
        }
        if (l->type != T_BOOL || r->type != T_BOOL) {
            fail(ps, l->type != T_BOOL ? at : r_at, "'%s' joins yes/no conditions, not %s", kw, expr_type_name(l->type != T_BOOL ? l->type : r->type));
            (void)op_at;
            expr_free(l);
            expr_free(r);
            return NULL;
        }
        Expr *e = node(k, T_BOOL);
        e->a[0] = l;
        e->a[1] = r;
        e->na = 2;
        l = e;
    }
    return l;
}

static Expr *parse_and(Parser *ps)
{
    return parse_logic(ps, "and", N_AND, parse_not);
}

static Expr *parse_or(Parser *ps)
{
    return parse_logic(ps, "or", N_OR, parse_and);
}

/* True when e uses period_end anywhere. */
static bool uses_period_end(const Expr *e)
{
    if (e->kind == N_PERIOD_END) return true;
    for (int i = 0; i < e->na; i++)
        if (uses_period_end(e->a[i])) return true;
    return false;
}

/* Checks rules that need the whole tree (prior()'s condition). */
static bool check_tree(Parser *ps, const Expr *e)
{
    if (e->kind == N_CALL && e->fn->fn == FN_PRIOR && uses_period_end(e->a[2])) {
        fail(ps, ps->src, "the condition of prior() cannot use period_end");
        return false;
    }
    for (int i = 0; i < e->na; i++)
        if (!check_tree(ps, e->a[i])) return false;
    return true;
}

Expr *expr_parse(const char *text, const Fact *fact, bool period_end_ok, char *err, size_t errlen)
{
    Parser ps = {text, text, fact, period_end_ok, err, errlen, false};
    err[0] = 0;
    skip_space(&ps);
    if (!*ps.p) {
        snprintf(err, errlen, "the expression is empty");
        return NULL;
    }
    Expr *e = parse_or(&ps);
    if (e) {
        skip_space(&ps);
        if (*ps.p) {
            fail(&ps, ps.p, "unexpected \"%.20s\" after the end of the expression", ps.p);
            expr_free(e);
            return NULL;
        }
        if (!check_tree(&ps, e)) {
            expr_free(e);
            return NULL;
        }
    }
    return e;
}

void expr_fields(const Expr *e, unsigned long long *mask)
{
    if (e->kind == N_FIELD) *mask |= 1ULL << e->field;
    for (int i = 0; i < e->na; i++) expr_fields(e->a[i], mask);
}

/* ---- binding and evaluation ---- */

/* Resolves text literals compared with a text field to its codes. */
static void bind_codes(Expr *e, const FactData *fd)
{
    if (e->kind == N_EQ || e->kind == N_NE || e->kind == N_IN) {
        Expr *f = NULL;
        for (int i = 0; i < e->na; i++)
            if (e->a[i]->kind == N_FIELD && e->a[i]->type == T_TEXT) f = e->a[i];
        if (f)
            for (int i = 0; i < e->na; i++)
                if (e->a[i]->kind == N_STR) {
                    int c = fact_dict_code(fd, f->field, e->a[i]->str);
                    e->a[i]->code = c < 0 ? -1 : c; /* -1 matches nothing */
                }
    }
    for (int i = 0; i < e->na; i++) bind_codes(e->a[i], fd);
}

/* A row for sorting by key and time. */
typedef struct KeyTime {
    double key, t;
    int row;
} KeyTime;

static int cmp_keytime(const void *a, const void *b)
{
    const KeyTime *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    if (x->t != y->t) return x->t < y->t ? -1 : 1;
    return x->row - y->row;
}

/* prior(key, window, cond): for every row, how many earlier rows with the
 * same key, counted (by the fact's time field) within `window` before it,
 * satisfy cond. Computed once for all rows. */
static void bind_prior(Expr *e, const FactData *fd)
{
    int n = fd->nrows;
    free(e->prior);
    e->prior = xcalloc((size_t)(n ? n : 1), sizeof(double));
    int tf = fact_field(fd->fact, fd->fact->counted);
    const double *key = fd->col[e->a[0]->field], *t = fd->col[tf];
    double window = e->a[1]->kind == N_NUM ? e->a[1]->num : 0;
    unsigned char *ok = xcalloc((size_t)(n ? n : 1), 1);
    int rows[EXPR_BATCH];
    for (int s = 0; s < n; s += EXPR_BATCH) {
        int m = n - s < EXPR_BATCH ? n - s : EXPR_BATCH;
        for (int i = 0; i < m; i++) rows[i] = s + i;
        const double *c = expr_eval(e->a[2], fd, rows, m, NAN);
        for (int i = 0; i < m; i++) ok[s + i] = c[i] == 1;
    }
    KeyTime *kt = xmalloc(sizeof(KeyTime) * (size_t)(n ? n : 1));
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (isnan(key[i]) || isnan(t[i])) {
            e->prior[i] = NAN;
            continue;
        }
        kt[k++] = (KeyTime){key[i], t[i], i};
    }
    qsort(kt, (size_t)k, sizeof *kt, cmp_keytime);
    /* per key: a window of earlier rows [lo, i); count those that satisfy cond */
    int lo = 0, inside = 0;
    for (int i = 0; i < k; i++) {
        if (i == 0 || kt[i].key != kt[i - 1].key) {
            lo = i;
            inside = 0;
        }
        while (lo < i && kt[lo].t < kt[i].t - window) inside -= ok[kt[lo++].row];
        e->prior[kt[i].row] = inside;
        inside += ok[kt[i].row];
    }
    free(kt);
    free(ok);
}

void expr_bind(Expr *e, const FactData *fd)
{
    bind_codes(e, fd);
    for (int i = 0; i < e->na; i++) expr_bind(e->a[i], fd);
    if (e->kind == N_CALL && e->fn->fn == FN_PRIOR) bind_prior(e, fd);
}

/* The index of the first of a[lo..hi) greater than v (a sorted). */
static int upper(const double *a, int lo, int hi, double v)
{
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] <= v) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Evaluates a fact function for one row. */
static double call_row(const Expr *e, const FactData *fd, int row, const double *x, const double *y)
{
    int lo, hi;
    switch (e->fn->fn) {
    case FN_FIRST_UPDATE_AFTER:
    case FN_LAST_UPDATE_BEFORE:
    case FN_UPDATES_BETWEEN:
    case FN_MAX_UPDATE_GAP:
    case FN_TEMPLATE_USED_BEFORE:
    case FN_TEMPLATE_AT_LAST_UPDATE:
        if (!fd->upd_off || isnan(x[0])) return NAN;
        lo = fd->upd_off[row];
        hi = fd->upd_off[row + 1];
        break;
    case FN_LAST_REVIEW_BEFORE:
        if (!fd->rev_off || isnan(x[0])) return NAN;
        lo = fd->rev_off[row];
        hi = fd->rev_off[row + 1];
        break;
    default:
        return e->prior ? e->prior[row] : NAN;
    }
    const double *at = e->fn->fn == FN_LAST_REVIEW_BEFORE ? fd->rev_at : fd->upd_at;
    switch (e->fn->fn) {
    case FN_FIRST_UPDATE_AFTER: {
        /* first update at or after x */
        int i = lo;
        while (i < hi && at[i] < x[0]) i++;
        return i < hi ? at[i] : NAN;
    }
    case FN_LAST_UPDATE_BEFORE:
    case FN_LAST_REVIEW_BEFORE: {
        int i = upper(at, lo, hi, x[0]);
        return i > lo ? at[i - 1] : NAN;
    }
    case FN_UPDATES_BETWEEN: {
        if (isnan(y[0])) return NAN;
        int a = upper(at, lo, hi, x[0] - 1e-9), b = upper(at, lo, hi, y[0]);
        return b > a ? b - a : 0;
    }
    case FN_MAX_UPDATE_GAP: {
        /* from allocation to x: the longest stretch without an update */
        int af = fact_field(fd->fact, "allocated_at");
        double start = af >= 0 ? fd->col[af][row] : NAN;
        if (isnan(start) || start > x[0]) return NAN;
        double last = start, gap = 0;
        for (int i = lo; i < hi && at[i] <= x[0]; i++) {
            if (at[i] < start) continue;
            if (at[i] - last > gap) gap = at[i] - last;
            last = at[i];
        }
        if (x[0] - last > gap) gap = x[0] - last;
        return gap;
    }
    case FN_TEMPLATE_USED_BEFORE: {
        int i = upper(at, lo, hi, x[0]);
        for (int k = lo; k < i; k++)
            if (fd->upd_template[k]) return 1;
        return 0;
    }
    case FN_TEMPLATE_AT_LAST_UPDATE: {
        int i = upper(at, lo, hi, x[0]);
        return i > lo ? fd->upd_template[i - 1] : NAN;
    }
    default:
        return NAN;
    }
}

/* Three-valued equality of two values (NaN is null). */
static inline double eq3(double a, double b)
{
    return isnan(a) || isnan(b) ? NAN : a == b;
}

const double *expr_eval(Expr *e, const FactData *fd, const int *rows, int n, double period_end)
{
    double *o = e->out;
    const double *x = NULL, *y = NULL;
    if (e->na >= 1 && e->kind != N_AND && e->kind != N_OR && e->kind != N_IN) x = expr_eval(e->a[0], fd, rows, n, period_end);
    if (e->na >= 2 && e->kind != N_AND && e->kind != N_OR && e->kind != N_IN) y = expr_eval(e->a[1], fd, rows, n, period_end);
    switch (e->kind) {
    case N_NUM:
        for (int i = 0; i < n; i++) o[i] = e->num;
        break;
    case N_STR:
        for (int i = 0; i < n; i++) o[i] = e->code;
        break;
    case N_NULL:
        for (int i = 0; i < n; i++) o[i] = NAN;
        break;
    case N_PERIOD_END:
        for (int i = 0; i < n; i++) o[i] = period_end;
        break;
    case N_FIELD: {
        const double *c = fd->col[e->field];
        for (int i = 0; i < n; i++) o[i] = c[rows[i]];
        break;
    }
    case N_NEG:
        for (int i = 0; i < n; i++) o[i] = -x[i];
        break;
    case N_ADD:
        for (int i = 0; i < n; i++) o[i] = x[i] + y[i];
        break;
    case N_SUB:
        for (int i = 0; i < n; i++) o[i] = x[i] - y[i];
        break;
    case N_MUL:
        for (int i = 0; i < n; i++) o[i] = x[i] * y[i];
        break;
    case N_DIV:
        for (int i = 0; i < n; i++) o[i] = y[i] == 0 ? NAN : x[i] / y[i];
        break;
    case N_EQ:
        for (int i = 0; i < n; i++) o[i] = eq3(x[i], y[i]);
        break;
    case N_NE:
        for (int i = 0; i < n; i++) o[i] = isnan(x[i]) || isnan(y[i]) ? NAN : x[i] != y[i];
        break;
    case N_LT:
        for (int i = 0; i < n; i++) o[i] = isnan(x[i]) || isnan(y[i]) ? NAN : x[i] < y[i];
        break;
    case N_LE:
        for (int i = 0; i < n; i++) o[i] = isnan(x[i]) || isnan(y[i]) ? NAN : x[i] <= y[i];
        break;
    case N_GT:
        for (int i = 0; i < n; i++) o[i] = isnan(x[i]) || isnan(y[i]) ? NAN : x[i] > y[i];
        break;
    case N_GE:
        for (int i = 0; i < n; i++) o[i] = isnan(x[i]) || isnan(y[i]) ? NAN : x[i] >= y[i];
        break;
    case N_ISNULL:
        for (int i = 0; i < n; i++) o[i] = isnan(x[i]);
        break;
    case N_NOTNULL:
        for (int i = 0; i < n; i++) o[i] = !isnan(x[i]);
        break;
    case N_NOT:
        for (int i = 0; i < n; i++) o[i] = isnan(x[i]) ? NAN : !x[i];
        break;
    case N_AND:
    case N_OR: {
        const double *l = expr_eval(e->a[0], fd, rows, n, period_end);
        /* copy: evaluating the right side may reuse nothing of l's node,
         * but keep l stable by reading it before */
        for (int i = 0; i < n; i++) o[i] = l[i];
        const double *r = expr_eval(e->a[1], fd, rows, n, period_end);
        bool is_and = e->kind == N_AND;
        for (int i = 0; i < n; i++) {
            double a = o[i], b = r[i];
            if (is_and) o[i] = (a == 0 || b == 0) ? 0 : (isnan(a) || isnan(b)) ? NAN : 1;
            else o[i] = (a == 1 || b == 1) ? 1 : (isnan(a) || isnan(b)) ? NAN : 0;
        }
        break;
    }
    case N_IN: {
        const double *v = expr_eval(e->a[0], fd, rows, n, period_end);
        for (int i = 0; i < n; i++) o[i] = isnan(v[i]) ? NAN : 0;
        for (int k = 1; k < e->na; k++) {
            const double *c = expr_eval(e->a[k], fd, rows, n, period_end);
            for (int i = 0; i < n; i++)
                if (o[i] == 0 && v[i] == c[i]) o[i] = 1;
        }
        break;
    }
    case N_CALL: {
        double xs[1], ys[1];
        const double *a0 = e->fn->fn != FN_PRIOR && e->na > 0 ? x : NULL;
        for (int i = 0; i < n; i++) {
            xs[0] = a0 ? a0[i] : 0;
            ys[0] = y && e->fn->fn == FN_UPDATES_BETWEEN ? y[i] : NAN;
            o[i] = call_row(e, fd, rows[i], xs, ys);
        }
        break;
    }
    }
    return o;
}
