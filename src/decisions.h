/*
 * decisions.h: decision records (sql/005_board.sql: tables decision and
 * decision_objective), the helpers the pages (page_decisions.c), the
 * command (cmd_decision.c) and the demo (demo_decisions.c) share: values
 * in pounds and pence, dates, financial years, the next free number.
 *
 * A record is numbered in sequence (the office's Decision Record 198, 199,
 * ...), is a draft until published, and is published only when marked
 * OFFICIAL (the table's CHECK): an OFFICIAL-SENSITIVE record never is.
 */
#ifndef ASSURE_DECISIONS_H
#define ASSURE_DECISIONS_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

/* The largest value accepted: £10,000,000,000.00 (in pence). */
#define DECISION_MAX_PENCE 1000000000000LL

/* Parses a value in pounds: "£1,234.56", "1,234.56", "1234.5", "1234"
 * (spaces around allowed; commas only as thousands separators; at most two
 * decimals). Empty or blank means no financial value: *has false. Returns
 * false when s is none of these. */
bool decision_parse_value(const char *s, bool *has, long long *pence);

/* Writes "£12,345.67", or "none" when !has. */
void decision_format_value(char *out, size_t outlen, bool has, long long pence);

/* True when s is a real calendar date written YYYY-MM-DD (years 1900 to
 * 2999). */
bool decision_valid_date(const char *s);

/* Writes a YYYY-MM-DD date as "5 May 2025" (s itself when malformed). */
void decision_format_date(char *out, size_t outlen, const char *s);

/* The financial year (1 April to 31 March) of a YYYY-MM-DD date as its
 * first year (2025 for 2025-04-01 .. 2026-03-31); 0 when malformed. */
int decision_fy_of(const char *date);
/* Parses "2025/26" (the second year must follow the first) into its first
 * year; 0 when malformed. */
int decision_fy_parse(const char *s);
/* Writes the financial year starting in `year` as "2025/26". */
void decision_fy_format(char *out, size_t outlen, int year);

/* Today's date in the UK, YYYY-MM-DD. */
void decision_today(char out[11]);

/* The number after the highest held (1 when there are none). */
long long decision_next_number(sqlite3 *db);

#endif
