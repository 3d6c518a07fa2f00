/*
 * decisions.c: helpers shared by the decision record pages, command and
 * demo (see decisions.h): values in pounds, dates, financial years.
 */
#include "decisions.h"
#include "db.h"
#include "ukdate.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

bool decision_parse_value(const char *s, bool *has, long long *pence)
{
    *has = false;
    *pence = 0;
    if (!s) return true;
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) n--;
    if (!n) return true;
    const char *p = s, *end = s + n;
    if (end - p >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA3) { /* £ in UTF-8 */
        p += 2;
        while (p < end && *p == ' ') p++;
    }
    long long pounds = 0;
    int digits = 0, group = 0; /* digits in the whole part; in the current group */
    bool commas = false;
    for (; p < end && (isdigit((unsigned char)*p) || *p == ','); p++) {
        if (*p == ',') {
            /* a comma follows 1 to 3 digits first, exactly 3 after that */
            if (group == 0 || group > 3 || (commas && group != 3)) return false;
            commas = true;
            group = 0;
            continue;
        }
        pounds = pounds * 10 + (*p - '0');
        if (pounds > DECISION_MAX_PENCE / 100) return false;
        digits++;
        group++;
    }
    if (!digits || (commas && group != 3)) return false;
    long long pp = 0;
    if (p < end && *p == '.') {
        p++;
        int dec = 0;
        for (; p < end && isdigit((unsigned char)*p); p++) {
            if (++dec > 2) return false;
            pp = pp * 10 + (*p - '0');
        }
        if (!dec) return false;
        if (dec == 1) pp *= 10;
    }
    if (p != end) return false;
    *has = true;
    *pence = pounds * 100 + pp;
    return *pence <= DECISION_MAX_PENCE;
}

void decision_format_value(char *out, size_t outlen, bool has, long long pence)
{
    if (!has) {
        snprintf(out, outlen, "none");
        return;
    }
    char th[40];
    fmt_thousands(th, sizeof th, pence / 100);
    snprintf(out, outlen, "\xC2\xA3%s.%02lld", th, pence % 100);
}

/* Reads YYYY-MM-DD into y, m, d; false when not that shape or not a day. */
static bool split_date(const char *s, int *y, int *m, int *d)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i])) return false;
    *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    *m = (s[5] - '0') * 10 + (s[6] - '0');
    *d = (s[8] - '0') * 10 + (s[9] - '0');
    if (*y < 1900 || *y > 2999 || *m < 1 || *m > 12 || *d < 1) return false;
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int max = mdays[*m - 1] + (*m == 2 && ((*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0));
    return *d <= max;
}

bool decision_valid_date(const char *s)
{
    int y, m, d;
    return split_date(s, &y, &m, &d);
}

void decision_format_date(char *out, size_t outlen, const char *s)
{
    static const char *const months[] = {"January", "February", "March", "April", "May", "June",
                                         "July", "August", "September", "October", "November", "December"};
    int y, m, d;
    if (split_date(s, &y, &m, &d)) snprintf(out, outlen, "%d %s %d", d, months[m - 1], y);
    else snprintf(out, outlen, "%s", s ? s : "");
}

int decision_fy_of(const char *date)
{
    int y, m, d;
    if (!split_date(date, &y, &m, &d)) return 0;
    return m >= 4 ? y : y - 1;
}

int decision_fy_parse(const char *s)
{
    if (!s || strlen(s) != 7 || s[4] != '/') return 0;
    for (int i = 0; i < 7; i++)
        if (i != 4 && !isdigit((unsigned char)s[i])) return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int next = (s[5] - '0') * 10 + (s[6] - '0');
    if (y < 1900 || (y + 1) % 100 != next) return 0;
    return y;
}

void decision_fy_format(char *out, size_t outlen, int year)
{
    snprintf(out, outlen, "%d/%02d", year, (year + 1) % 100);
}

void decision_today(char out[11])
{
    int day = ukdate_day((int64_t)time(NULL));
    unsigned y = (unsigned)(day / 10000) % 10000u, m = (unsigned)(day / 100) % 100u, d = (unsigned)day % 100u;
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%04u-%02u-%02u", y, m, d);
    memcpy(out, tmp, 10);
    out[10] = 0;
}

long long decision_next_number(sqlite3 *db)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT coalesce(max(number), 0) + 1 FROM decision");
    long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 1;
    sqlite3_finalize(st);
    return n;
}
