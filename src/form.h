/*
 * form.h: the parts of a form page every page family shares: a mistake
 * (the field and the message), the error summary at the top of the page,
 * and inputs in form groups that show their own mistake. All text is
 * escaped (html_printf).
 */
#ifndef ASSURE_FORM_H
#define ASSURE_FORM_H

#include "web.h"

/* A mistake in a form: the field (its id on the page) and the message. */
typedef struct FormErr {
    const char *field; /* id of the input, for the summary's link; NULL
                        * for a mistake that is no one field's */
    const char *msg;
    long long item;    /* the record whose form it was (0: the add form) */
} FormErr;

/* "The change was not saved" with the message, linked to its field when it
 * has one (nothing when e is NULL or has no message). */
void form_error_summary(Req *r, const FormErr *e);
/* The green "Saved" banner with a message (escaped). */
void form_saved(Req *r, const char *msg);
/* True when e is a mistake in the field with this id. */
bool form_err_on(const FormErr *e, const char *id);
/* A text input (type "text", "date", "number", "password", ...). */
void form_input_text(Req *r, const FormErr *e, const char *id, const char *name, const char *label, const char *value, const char *type);
/* A textarea, with an optional hint under its label. */
void form_input_area(Req *r, const FormErr *e, const char *id, const char *name, const char *label, const char *hint, const char *value, int rows);
/* True when v is one of the n options. */
bool form_one_of(const char *v, const char *const *opts, int n);
/* A select of fixed options; an empty option reads "(none)". */
void form_input_select(Req *r, const FormErr *e, const char *id, const char *name, const char *label, const char *const *opts, int n,
                       const char *value);

#endif
