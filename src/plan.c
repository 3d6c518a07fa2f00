/*
 * plan.c: due dates, statuses and the current plan (see plan.h).
 */
#include "plan.h"
#include "db.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

const char *const plan_statuses[] = {"not started", "in progress", "complete", "cancelled"};
const char *const plan_services[] = {"Police", "Fire and Rescue", "Working together"};

static const char *const month_abbr[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const month_full[] = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"};

/* The month (1-12) a word s[0..n) names: its three-letter abbreviation
 * ("Sept" too) or full name, any case; 0 when none. */
static int month_word(const char *s, size_t n)
{
    char w[16];
    if (n < 3 || n >= sizeof w) return 0;
    for (size_t i = 0; i < n; i++) w[i] = (char)tolower((unsigned char)s[i]);
    w[n] = 0;
    for (int m = 0; m < 12; m++) {
        if (n == 3 && memcmp(w, month_abbr[m], 3) == 0) return m + 1;
        if (strcmp(w, month_full[m]) == 0) return m + 1;
    }
    if (strcmp(w, "sept") == 0) return 9;
    return 0;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return false;
    return n > 0;
}

/* A year of 2 or 4 digits: "18" is 2018. 0 when not one. */
static int year_of(const char *s, size_t n)
{
    if (!all_digits(s, n)) return 0;
    if (n == 2) return 2000 + (s[0] - '0') * 10 + (s[1] - '0');
    if (n == 4) {
        int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        return y >= 2000 && y <= 2099 ? y : 0;
    }
    return 0;
}

/* The first "<month word>[ -]<year>" in free text, as YYYYMM, or 0. */
static int month_in_text(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        while (i < len && !isalpha((unsigned char)s[i])) i++;
        size_t w0 = i;
        while (i < len && isalpha((unsigned char)s[i])) i++;
        int m = month_word(s + w0, i - w0);
        if (!m || i >= len || (s[i] != ' ' && s[i] != '-')) continue;
        size_t y0 = i + 1, y1 = y0;
        while (y1 < len && isdigit((unsigned char)s[y1])) y1++;
        if (y1 < len && isalnum((unsigned char)s[y1])) continue;
        int y = year_of(s + y0, y1 - y0);
        if (y) return y * 100 + m;
    }
    return 0;
}

bool plan_parse_due(const char *s, size_t len, char *out, size_t outn, int *due_month, const char **why)
{
    while (len && isspace((unsigned char)*s)) s++, len--;
    while (len && isspace((unsigned char)s[len - 1])) len--;
    *due_month = 0;
    *why = NULL;
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] < 0x20) {
            *why = "a due date on one line: a month such as Mar-18 or 2018-03, TBC, Ongoing or a short text";
            return false;
        }
    }
    if (len > 120 || len + 1 > outn) {
        *why = "a due date of at most 120 characters: a month such as Mar-18 or 2018-03, TBC, Ongoing or a short text";
        return false;
    }
    if (len == 3 && strncasecmp(s, "TBC", 3) == 0) {
        snprintf(out, outn, "TBC");
        return true;
    }
    if ((len == 7 && strncasecmp(s, "ongoing", 7) == 0) || (len == 8 && strncasecmp(s, "on going", 8) == 0) ||
        (len == 8 && strncasecmp(s, "on-going", 8) == 0)) {
        snprintf(out, outn, "Ongoing");
        return true;
    }
    /* YYYY-MM */
    if (len == 7 && s[4] == '-' && all_digits(s, 4) && all_digits(s + 5, 2)) {
        int y = year_of(s, 4), m = (s[5] - '0') * 10 + (s[6] - '0');
        if (!y || m < 1 || m > 12) {
            *why = "a month YYYY-MM between 2000-01 and 2099-12";
            return false;
        }
        snprintf(out, outn, "%04d-%02d", y, m);
        *due_month = y * 100 + m;
        return true;
    }
    /* "Mar-18", "Mar 18", "March 2018": the whole value is a month */
    const char *sep = NULL;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '-' || s[i] == ' ') {
            sep = s + i;
            break;
        }
    if (sep) {
        size_t wn = (size_t)(sep - s), yn = len - wn - 1;
        bool word = wn >= 3;
        for (size_t i = 0; i < wn; i++) word = word && isalpha((unsigned char)s[i]);
        /* a month's name and a short token with a digit: meant as a month */
        bool token = yn >= 1 && yn <= 4, digit = false;
        for (size_t i = 0; i < yn; i++) {
            token = token && isalnum((unsigned char)sep[1 + i]);
            digit = digit || isdigit((unsigned char)sep[1 + i]);
        }
        if (word && token && digit && month_word(s, wn) && !(all_digits(sep + 1, yn) && (yn == 2 || yn == 4) && year_of(sep + 1, yn))) {
            *why = "a month such as Mar-18 (a month's name or three letters, and a year of 2 or 4 digits), TBC, Ongoing or text";
            return false;
        }
        if (word && all_digits(sep + 1, yn) && (yn == 2 || yn == 4)) {
            int m = month_word(s, wn), y = year_of(sep + 1, yn);
            if (!m || !y) {
                *why = "a month such as Mar-18 (a month's name or three letters, and a year of 2 or 4 digits), TBC, Ongoing or text";
                return false;
            }
            snprintf(out, outn, "%04d-%02d", y, m);
            *due_month = y * 100 + m;
            return true;
        }
    }
    memcpy(out, s, len);
    out[len] = 0;
    *due_month = month_in_text(s, len);
    return true;
}

bool plan_status_valid(const char *s)
{
    for (int i = 0; i < PLAN_NSTATUS; i++)
        if (strcmp(s, plan_statuses[i]) == 0) return true;
    return false;
}

bool plan_has_control(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20) return true;
    return false;
}

bool plan_rag_valid(const char *s)
{
    return strcmp(s, "") == 0 || strcmp(s, "G") == 0 || strcmp(s, "A") == 0 || strcmp(s, "R") == 0;
}

bool plan_marking_valid(const char *s)
{
    return strcmp(s, "OFFICIAL") == 0 || strcmp(s, "OFFICIAL-SENSITIVE") == 0;
}

bool plan_date_valid(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s, 4) || !all_digits(s + 5, 2) || !all_digits(s + 8, 2)) return false;
    int y = year_of(s, 4), m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!y || m < 1 || m > 12 || d < 1) return false;
    int dim = days[m - 1] + (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
    return d <= dim;
}

long long plan_current(sqlite3 *db, bool drafts)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT id FROM plan WHERE ?1 OR status <> 'draft'"
                                      " ORDER BY status <> 'draft' DESC, (starts <= date('now') AND ends >= date('now')) DESC,"
                                      " ends DESC, version DESC, id DESC LIMIT 1");
    sqlite3_bind_int(st, 1, drafts);
    long long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return id;
}

int plan_this_month(void)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    return (tm.tm_year + 1900) * 100 + tm.tm_mon + 1;
}
