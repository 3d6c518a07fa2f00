/*
 * pii.c: refusing personal data in the force's extracts (see pii.h).
 */
#include "pii.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

const char *pii_column(const char *name, size_t len)
{
    static const char *const words[] = {"name", "dob", "birth", "address", "postcode", "street", "phone", "email", "telephone", "surname", "forename"};
    char low[128];
    size_t n = len < sizeof low - 1 ? len : sizeof low - 1;
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)name[i]);
    low[n] = 0;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strstr(low, words[i])) return "names, dates of birth and addresses are refused (use pseudonymous identifiers)";
    return NULL;
}

/* True when s[0..len) is shaped like a date: 1984-03-02, 02/03/1984, 2.3.84. */
static bool date_like(const char *s, size_t len)
{
    int digits = 0, seps = 0;
    for (size_t i = 0; i < len; i++) {
        if (isdigit((unsigned char)s[i])) digits++;
        else if (s[i] == '-' || s[i] == '/' || s[i] == '.') seps++;
        else return false;
    }
    return seps == 2 && digits >= 4 && digits <= 8;
}

const char *pii_pseudonym(const char *s, size_t len)
{
    if (len == 0 || len > 64) return "1 to 64 characters";
    if (date_like(s, len)) return "it looks like a date of birth";
    bool digit = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == ',' || c == '\'') return "names are refused";
        if (!isalnum(c) && c != '-' && c != '_') return "only letters, digits, - and _";
        if (isdigit(c)) digit = true;
    }
    return digit ? NULL : "names are refused";
}

/* Is the outward code (area letters and district) at s[0..n)? A1, A12,
 * AB1, AB12, A1B, AB1C. */
static bool outward(const char *s, size_t n)
{
    if (n < 2 || n > 4 || !isalpha((unsigned char)s[0])) return false;
    size_t i = 1;
    if (isalpha((unsigned char)s[i])) i++;
    if (i >= n || !isdigit((unsigned char)s[i])) return false;
    i++;
    if (i < n) i++; /* a second digit or a letter */
    return i == n;
}

bool pii_has_postcode(const char *s, size_t len)
{
    /* look for an inward code (digit letter letter) after an outward code,
     * with or without the space between */
    for (size_t end = 3; end <= len; end++) {
        const char *in = s + end - 3;
        if (!isdigit((unsigned char)in[0]) || !isalpha((unsigned char)in[1]) || !isalpha((unsigned char)in[2])) continue;
        if (end < len && isalnum((unsigned char)s[end])) continue;
        size_t stop = end - 3;
        if (stop > 0 && s[stop - 1] == ' ') stop--;
        for (size_t start = stop >= 4 ? stop - 4 : 0; start + 2 <= stop; start++) {
            if (start > 0 && isalnum((unsigned char)s[start - 1])) continue;
            if (outward(s + start, stop - start)) return true;
        }
    }
    return false;
}
