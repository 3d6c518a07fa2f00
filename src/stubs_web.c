/* TEMPORARY: web-layer functions not yet written. Delete each as it lands. */
#include "commands.h"
#include "pages.h"
int cmd_ui(Opts *o) { (void)o; die("not yet"); }
int cmd_serve(Opts *o) { (void)o; die("not yet"); }
int cmd_test_http(Opts *o) { (void)o; die("not yet"); }
int cmd_user(Opts *o) { (void)o; die("not yet"); }
void page_home(Req *r) { (void)r; }
void page_login(Req *r) { (void)r; }
void page_logout(Req *r) { (void)r; }
void page_static(Req *r) { (void)r; }
const char *req_param(Req *r, const char *name) { (void)r; (void)name; return 0; }
const char *req_cookie(Req *r, const char *name) { (void)r; (void)name; return 0; }
bool req_can(const Req *r, char cap) { (void)r; (void)cap; return false; }
void page_begin(Req *r, const char *title, const char *nav) { (void)r; (void)title; (void)nav; }
void page_end(Req *r) { (void)r; }
void page_csrf_field(Req *r) { (void)r; }
void web_error(Req *r, int status, const char *fmt, ...) { (void)r; (void)status; (void)fmt; }
void web_redirect(Req *r, const char *location) { (void)r; (void)location; }
void web_header(Req *r, const char *name, const char *value) { (void)r; (void)name; (void)value; }
void web_handle(Req *r) { (void)r; }
void web_reply_text(Req *r, Buf *out) { (void)r; (void)out; }
