/*
 * ukdate.c: parsing extract date-times and UK calendar arithmetic (see
 * ukdate.h). The civil-date conversion counts days in 400-year eras of
 * 146,097 days, with years starting in March so the leap day comes last.
 */
#include "ukdate.h"

#include <stdio.h>

int64_t ukdate_days(int y, int m, int d)
{
    int64_t yy = m <= 2 ? y - 1 : y;
    int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    int64_t yoe = yy - era * 400;                          /* year of era, 0..399 */
    int64_t mp = m > 2 ? m - 3 : m + 9;                     /* month from March, 0..11 */
    int64_t doy = (153 * mp + 2) / 5 + d - 1;               /* day of the year from March 1 */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;    /* day of era */
    return era * 146097 + doe - 719468;                     /* 719468: 0000-03-01 to 1970-01-01 */
}

void ukdate_civil(int64_t days, int *y, int *m, int *d)
{
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* The day count of the last Sunday of month m in year y. */
static int64_t last_sunday(int y, int m)
{
    int64_t last = ukdate_days(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1;
    int64_t weekday = ((last % 7) + 7 + 4) % 7; /* 1970-01-01 was a Thursday (4); 0 = Sunday */
    return last - weekday;
}

int ukdate_offset(int64_t t)
{
    int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    int y, m, d;
    ukdate_civil(days, &y, &m, &d);
    int64_t start = last_sunday(y, 3) * 86400 + 3600, end = last_sunday(y, 10) * 86400 + 3600;
    return t >= start && t < end ? 3600 : 0;
}

/* The local calendar day count of instant t. */
static int64_t local_days(int64_t t)
{
    int64_t l = t + ukdate_offset(t);
    return l >= 0 ? l / 86400 : (l - 86399) / 86400;
}

int ukdate_day(int64_t t)
{
    int y, m, d;
    ukdate_civil(local_days(t), &y, &m, &d);
    return y * 10000 + m * 100 + d;
}

int ukdate_month(int64_t t)
{
    return ukdate_day(t) / 100;
}

/* The instant of local wall-clock seconds `local` (as if UTC): BST when the
 * instant an hour earlier is in BST, else GMT. */
static int64_t from_local(int64_t local)
{
    int64_t bst = local - 3600;
    return ukdate_offset(bst) == 3600 ? bst : local;
}

int64_t ukdate_day_start(int yyyymmdd)
{
    return from_local(ukdate_days(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100) * 86400);
}

int64_t ukdate_month_start(int yyyymm)
{
    return ukdate_day_start(yyyymm * 100 + 1);
}

void ukdate_format(int64_t t, char out[24])
{
    int64_t l = t + ukdate_offset(t);
    int64_t days = l >= 0 ? l / 86400 : (l - 86399) / 86400;
    int64_t secs = l - days * 86400;
    int y, m, d;
    ukdate_civil(days, &y, &m, &d);
    snprintf(out, 24, "%04d-%02d-%02d %02d:%02d:%02d", y % 10000, m, d, (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
}

/* Reads n digits at s into *v; false when any is not a digit. */
static bool digits(const char *s, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        *v = *v * 10 + (s[i] - '0');
    }
    return true;
}

bool ukdate_parse(const char *s, size_t n, int64_t *out)
{
    int y, mo, d, h, mi, sec = 0;
    if (n < 16 || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':') return false;
    if (!digits(s, 4, &y) || !digits(s + 5, 2, &mo) || !digits(s + 8, 2, &d) || !digits(s + 11, 2, &h) || !digits(s + 14, 2, &mi)) return false;
    size_t i = 16;
    if (i < n && s[i] == ':') {
        if (n < 19 || !digits(s + 17, 2, &sec)) return false;
        i = 19;
    }
    if (y < 2000 || y > 2099 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return false;
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int dim = mdays[mo - 1] + (mo == 2 && y % 4 == 0 ? 1 : 0); /* 2000-2099: every 4th year leaps */
    if (d > dim) return false;
    int64_t local = ukdate_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
    if (i == n) {
        *out = from_local(local);
        return true;
    }
    if (s[i] == 'Z' && i + 1 == n) {
        *out = local;
        return true;
    }
    int oh, om;
    if ((s[i] == '+' || s[i] == '-') && n == i + 6 && s[i + 3] == ':' && digits(s + i + 1, 2, &oh) && digits(s + i + 4, 2, &om) && oh <= 14 && om <= 59) {
        int off = oh * 3600 + om * 60;
        *out = s[i] == '+' ? local - off : local + off;
        return true;
    }
    return false;
}
