/*
 * ukdate.h: date-times as the force extracts give them, and the UK calendar.
 *
 * The force's systems record UK local time (GMT in winter, BST from 01:00
 * UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
 * October). The store keeps Unix seconds (UTC), so intervals across a clock
 * change are right; measures put rows in UK calendar months.
 *
 * Accepted text: "YYYY-MM-DD HH:MM", "YYYY-MM-DD HH:MM:SS" (a 'T' may
 * replace the space), optionally followed by "Z" or an offset "+HH:MM" /
 * "-HH:MM"; without one the time is UK local time. In the hour that occurs
 * twice in October the first (BST) is taken; a time in the hour skipped in
 * March is read as GMT (so 01:30 becomes 02:30 BST). Years 2000 to 2099.
 */
#ifndef ASSURE_UKDATE_H
#define ASSURE_UKDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Parses s[0..n) (see above) into Unix seconds. False when malformed. */
bool ukdate_parse(const char *s, size_t n, int64_t *out);

/* Days since 1970-01-01 of the proleptic Gregorian date y-m-d. */
int64_t ukdate_days(int y, int m, int d);
/* The date of a day count from ukdate_days(). */
void ukdate_civil(int64_t days, int *y, int *m, int *d);

/* The UK's offset from UTC at instant t: 3600 in BST, else 0. */
int ukdate_offset(int64_t t);

/* The UK local calendar month (YYYYMM) and day (YYYYMMDD) of instant t. */
int ukdate_month(int64_t t);
int ukdate_day(int64_t t);

/* The instant of 00:00 UK local time on day YYYYMMDD, and on the first of
 * month YYYYMM. */
int64_t ukdate_day_start(int yyyymmdd);
int64_t ukdate_month_start(int yyyymm);

/* Writes instant t as UK local "YYYY-MM-DD HH:MM:SS" into out. */
void ukdate_format(int64_t t, char out[24]);

#endif
