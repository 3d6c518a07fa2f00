/*
 * pii.h: refusing personal data in the force's extracts.
 *
 * The extracts carry pseudonymous identifiers only (docs/data-formats.md).
 * These checks stop the obvious mistakes before anything is stored: a
 * column named like a name, date of birth or address; a person's name
 * where a pseudonym belongs; a date of birth; a postcode in any text.
 */
#ifndef ASSURE_PII_H
#define ASSURE_PII_H

#include <stdbool.h>
#include <stddef.h>

/* Why a header column name looks like personal data (a static string), or
 * NULL when it does not. */
const char *pii_column(const char *name, size_t len);

/* Checks a pseudonymous identifier: 1 to 64 of letters, digits, '-' or '_'
 * with at least one digit. Returns NULL when it is one, else what it looks
 * like ("names are refused", "it looks like a date of birth"). */
const char *pii_pseudonym(const char *s, size_t len);

/* True when s[0..len) contains something shaped like a UK postcode
 * ("NN1 2AB", "NN12AB"). */
bool pii_has_postcode(const char *s, size_t len);

#endif
