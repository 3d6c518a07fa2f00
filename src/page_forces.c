/*
 * page_forces.c: /forces: the forces reference, the office's own force and
 * its peer group (Most Similar Group), which users with the settings
 * capability change here; and the same on the command line: `assure forces`
 * and `assure peers`.
 */
#include "commands.h"
#include "db.h"
#include "forces.h"
#include "form.h"
#include "pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sets the office force by any spelling; false with err when unknown. */
static bool set_office(sqlite3 *db, const char *name, char *err, size_t errlen)
{
    int id = forces_lookup(db, name, strlen(name));
    ForceList fl;
    forces_list(db, &fl);
    const Force *f = forces_get(&fl, id);
    if (!f) {
        snprintf(err, errlen, "there is no force called \"%s\"", name);
        return false;
    }
    if (!f->territorial) {
        snprintf(err, errlen, "%s is not a territorial force of England and Wales", f->name);
        return false;
    }
    db_setting_set(db, "office_force", f->code);
    return true;
}

static void post_forces(Req *r)
{
    const char *action = req_param(r, "action");
    char err[256] = "";
    bool ok = false;
    db_exec(r->db, "BEGIN IMMEDIATE");
    if (action && strcmp(action, "office") == 0) {
        const char *f = req_param(r, "force");
        ok = f && set_office(r->db, f, err, sizeof err);
    } else if (action && strcmp(action, "peers") == 0) {
        int office = forces_office(r->db);
        int peers[MAX_FORCES], n = 0;
        for (int i = 0; i < r->nparams; i++) {
            if (strcmp(r->params[i].name, "peer") != 0) continue;
            int id = forces_lookup(r->db, r->params[i].value, strlen(r->params[i].value));
            if (!id) {
                snprintf(err, sizeof err, "there is no force called \"%s\"", r->params[i].value);
                break;
            }
            if (n < MAX_FORCES) peers[n++] = id;
        }
        if (!office && !err[0]) snprintf(err, sizeof err, "set the office's force before its peer group");
        ok = !err[0] && forces_set_peers(r->db, office, peers, n, err, sizeof err);
    } else {
        snprintf(err, sizeof err, "the form did not say what to change");
    }
    if (!ok) {
        db_exec(r->db, "ROLLBACK");
        web_error(r, 400, "Nothing was changed: %s.", err);
        return;
    }
    db_exec(r->db, "COMMIT");
    web_redirect(r, "/forces?saved=1");
}

void page_forces(Req *r)
{
    if (strcmp(r->method, "POST") == 0) {
        post_forces(r);
        return;
    }
    ForceList fl;
    forces_list(r->db, &fl);
    int office = forces_office(r->db);
    int peers[MAX_PEERS];
    int np = office ? forces_peers(r->db, office, peers) : 0;
    bool can_set = req_can(r, CAP_SETTINGS);
    page_begin(r, "Forces", "forces");
    html_lit(&r->out, "<h1>Forces</h1>\n");
    const char *saved = req_param(r, "saved");
    if (saved && strcmp(saved, "1") == 0) form_saved(r, "The office's force and peer group are saved.");
    const Force *of = forces_get(&fl, office);
    html_printf(&r->out, "<h2>The office's force</h2>\n<p>%s%s</p>\n", of ? of->name : "Not set.", of ? " is the force this office holds to account." : "");
    if (can_set) {
        html_lit(&r->out, "<form method=\"post\" action=\"/forces\" class=\"inline-form\">");
        page_csrf_field(r);
        html_lit(&r->out, "<input type=\"hidden\" name=\"action\" value=\"office\"><label for=\"office-force\">Force</label> <select id=\"office-force\" name=\"force\">");
        for (int i = 0; i < fl.n; i++)
            if (fl.f[i].territorial)
                html_printf(&r->out, "<option value=\"%s\"%s>%s</option>", fl.f[i].code, fl.f[i].id == office ? " selected" : "", fl.f[i].name);
        html_lit(&r->out, "</select> <button type=\"submit\" class=\"button\">Set the office's force</button></form>\n");
    }
    html_lit(&r->out, "<h2>Peer group (Most Similar Group)</h2>\n");
    Arena a = {0};
    const char *note = db_setting(r->db, "peer_note", "", &a);
    if (*note) html_printf(&r->out, "<p class=\"note\">%s</p>\n", note);
    html_printf(&r->out, "<p>Up to %d territorial forces the office compares its force with. There is no public list of Most Similar Groups, so the office sets it here.</p>\n", MAX_PEERS);
    if (of && can_set) {
        html_lit(&r->out, "<form method=\"post\" action=\"/forces\">");
        page_csrf_field(r);
        html_printf(&r->out, "<input type=\"hidden\" name=\"action\" value=\"peers\"><fieldset class=\"checkboxes\"><legend>Peers of %s (choose up to %d)</legend>\n", of->name, MAX_PEERS);
        for (int i = 0; i < fl.n; i++) {
            const Force *f = &fl.f[i];
            if (!f->territorial || f->id == office) continue;
            bool on = false;
            for (int k = 0; k < np; k++) on |= peers[k] == f->id;
            html_printf(&r->out, "<div class=\"checkbox\"><input type=\"checkbox\" id=\"peer-%s\" name=\"peer\" value=\"%s\"%s><label for=\"peer-%s\">%s</label></div>\n",
                        f->code, f->code, on ? " checked" : "", f->code, f->name);
        }
        html_lit(&r->out, "</fieldset><button type=\"submit\" class=\"button\">Save the peer group</button></form>\n");
    } else if (of) {
        html_lit(&r->out, "<ul>");
        for (int k = 0; k < np; k++) html_printf(&r->out, "<li>%s</li>", forces_get(&fl, peers[k])->name);
        if (!np) html_lit(&r->out, "<li>None set.</li>");
        html_lit(&r->out, "</ul>\n");
    }
    arena_free(&a);
    html_lit(&r->out, "<h2>Reference</h2>\n<table class=\"table\"><thead><tr><th scope=\"col\">Force</th><th scope=\"col\">Code</th><th scope=\"col\">Kind</th>"
                      "<th scope=\"col\">Region</th><th scope=\"col\" class=\"num\">Population (mid-2024)</th></tr></thead><tbody>\n");
    for (int i = 0; i < fl.n; i++) {
        char pop[32] = "";
        if (fl.f[i].population) fmt_thousands(pop, sizeof pop, fl.f[i].population);
        html_printf(&r->out, "<tr><td>%s</td><td><code>%s</code></td><td>%s</td><td>%s</td><td class=\"num\">%s</td></tr>\n", fl.f[i].name,
                    fl.f[i].code, fl.f[i].kind, fl.f[i].region, pop);
    }
    html_lit(&r->out, "</tbody></table>\n");
    page_end(r);
}

int cmd_forces(Opts *o)
{
    sqlite3 *db = db_open(opts_db(o), false);
    if (o->nargs >= 1 && strcmp(o->args[0], "office") == 0) {
        if (o->nargs != 2) die("forces: usage: assure forces office NAME");
        char err[256];
        if (!set_office(db, o->args[1], err, sizeof err)) die("forces: %s ('assure forces' lists them)", err);
        printf("the office's force is now %s\n", o->args[1]);
        db_close(db);
        return 0;
    }
    if (o->nargs) die("forces: unexpected argument '%s'; see 'assure forces --help'", o->args[0]);
    bool csv = o->format && strcmp(o->format, "csv") == 0, json = o->format && strcmp(o->format, "json") == 0;
    if (o->format && !csv && !json && strcmp(o->format, "table") != 0) die("forces: unknown format '%s'; expected table, csv or json", o->format);
    ForceList fl;
    forces_list(db, &fl);
    int office = forces_office(db);
    Buf b = {0};
    if (csv) buf_puts(&b, "code,name,kind,region,population,office\n");
    if (json) buf_putc(&b, '[');
    for (int i = 0; i < fl.n; i++) {
        const Force *f = &fl.f[i];
        if (csv) buf_printf(&b, "%s,\"%s\",%s,%s,%lld,%d\n", f->code, f->name, f->kind, f->region, f->population, f->id == office);
        else if (json) {
            buf_puts(&b, i ? ",\n {\"code\":" : "\n {\"code\":");
            json_quoted(&b, f->code);
            buf_puts(&b, ",\"name\":");
            json_quoted(&b, f->name);
            buf_puts(&b, ",\"kind\":");
            json_quoted(&b, f->kind);
            buf_puts(&b, ",\"region\":");
            json_quoted(&b, f->region);
            buf_printf(&b, ",\"population\":%lld,\"office\":%s}", f->population, f->id == office ? "true" : "false");
        } else {
            char pop[32] = "";
            if (f->population) fmt_thousands(pop, sizeof pop, f->population);
            buf_printf(&b, "%-26s %-20s %-15s %-26s %10s%s\n", f->name, f->code, f->kind, f->region, pop, f->id == office ? "  (office)" : "");
        }
    }
    if (json) buf_puts(&b, "\n]\n");
    fwrite(buf_cstr(&b), 1, b.len, stdout);
    buf_free(&b);
    db_close(db);
    return 0;
}

int cmd_peers(Opts *o)
{
    sqlite3 *db = db_open(opts_db(o), false);
    int id = o->force ? forces_lookup(db, o->force, strlen(o->force)) : forces_office(db);
    if (o->force && !id) die("peers: unknown force '%s' ('assure forces' lists them)", o->force);
    if (!id) die("peers: no office force is set; name one with --force NAME or set it with 'assure forces office NAME'");
    ForceList fl;
    forces_list(db, &fl);
    if (o->nargs > 0) {
        int ids[MAX_FORCES];
        if (o->nargs > MAX_FORCES) die("peers: too many forces");
        for (int i = 0; i < o->nargs; i++) {
            ids[i] = forces_lookup(db, o->args[i], strlen(o->args[i]));
            if (!ids[i]) die("peers: unknown force '%s' ('assure forces' lists them)", o->args[i]);
        }
        char err[256];
        db_exec(db, "BEGIN IMMEDIATE");
        if (!forces_set_peers(db, id, ids, o->nargs, err, sizeof err)) {
            db_exec(db, "ROLLBACK");
            die("peers: %s; nothing was changed", err);
        }
        db_exec(db, "COMMIT");
    }
    int peers[MAX_PEERS];
    int n = forces_peers(db, id, peers);
    printf("Peer group of %s (%d):\n", forces_get(&fl, id)->name, n);
    for (int i = 0; i < n; i++) printf("  %s\n", forces_get(&fl, peers[i])->name);
    Arena a = {0};
    const char *note = db_setting(db, "peer_note", "", &a);
    if (*note) printf("%s\n", note);
    arena_free(&a);
    db_close(db);
    return 0;
}
