/*
 * form.c: shared form parts (see form.h).
 */
#include "form.h"

#include <string.h>

void form_error_summary(Req *r, const FormErr *e)
{
    if (!e || !e->msg) return;
    html_lit(&r->out, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2 class=\"error-summary-title\">The change was not saved</h2>"
                      "<ul class=\"error-summary-list\">");
    if (e->field) html_printf(&r->out, "<li><a href=\"#%s\">%s</a></li>", e->field, e->msg);
    else html_printf(&r->out, "<li>%s</li>", e->msg);
    html_lit(&r->out, "</ul></div>\n");
}

void form_saved(Req *r, const char *msg)
{
    html_printf(&r->out, "<div class=\"notification-banner notification-banner-success\" role=\"status\"><h2 class=\"notification-banner-title\">Saved</h2>"
                         "<div class=\"notification-banner-content\"><p>%s</p></div></div>\n", msg);
}

bool form_err_on(const FormErr *e, const char *id)
{
    return e && e->msg && e->field && strcmp(e->field, id) == 0;
}

/* Opens a form group with its label and, when it has one, its mistake. */
static void group_begin(Req *r, const FormErr *e, const char *id, const char *label)
{
    bool bad = form_err_on(e, id);
    html_printf(&r->out, "<div class=\"form-group%s\"><label class=\"label\" for=\"%s\">%s</label>", bad ? " form-group-error" : "", id, label);
    if (bad) html_printf(&r->out, "<p class=\"error-message\"><span class=\"visually-hidden\">Error:</span> %s</p>", e->msg);
}

void form_input_text(Req *r, const FormErr *e, const char *id, const char *name, const char *label, const char *value, const char *type)
{
    group_begin(r, e, id, label);
    html_printf(&r->out, "<input class=\"input\" id=\"%s\" name=\"%s\" type=\"%s\" value=\"%s\"", id, name, type, value ? value : "");
    if (strcmp(type, "password") == 0) html_lit(&r->out, " autocomplete=\"new-password\"");
    html_lit(&r->out, "></div>\n");
}

void form_input_area(Req *r, const FormErr *e, const char *id, const char *name, const char *label, const char *hint, const char *value, int rows)
{
    bool bad = form_err_on(e, id);
    html_printf(&r->out, "<div class=\"form-group%s\"><label class=\"label\" for=\"%s\">%s</label>", bad ? " form-group-error" : "", id, label);
    if (hint) html_printf(&r->out, "<p class=\"hint\">%s</p>", hint);
    if (bad) html_printf(&r->out, "<p class=\"error-message\"><span class=\"visually-hidden\">Error:</span> %s</p>", e->msg);
    html_printf(&r->out, "<textarea class=\"textarea\" id=\"%s\" name=\"%s\" rows=\"%d\">%s</textarea></div>\n", id, name, rows, value ? value : "");
}

bool form_one_of(const char *v, const char *const *opts, int n)
{
    for (int i = 0; v && i < n; i++)
        if (strcmp(v, opts[i]) == 0) return true;
    return false;
}

void form_input_select(Req *r, const FormErr *e, const char *id, const char *name, const char *label, const char *const *opts, int n,
                       const char *value)
{
    group_begin(r, e, id, label);
    html_printf(&r->out, "<select class=\"select\" id=\"%s\" name=\"%s\">", id, name);
    for (int i = 0; i < n; i++)
        html_printf(&r->out, "<option value=\"%s\"%s>%s</option>", opts[i], value && strcmp(value, opts[i]) == 0 ? " selected" : "",
                    *opts[i] ? opts[i] : "(none)");
    html_lit(&r->out, "</select></div>\n");
}
