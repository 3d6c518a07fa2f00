/* TEMPORARY: core functions not yet written. Delete each as it lands. */
#include "commands.h"
#include "pages.h"
int cmd_init(Opts *o) { (void)o; die("not yet"); }
int cmd_import(Opts *o) { (void)o; die("not yet"); }
int cmd_measures(Opts *o) { (void)o; die("not yet"); }
int cmd_pack(Opts *o) { (void)o; die("not yet"); }
int cmd_forces(Opts *o) { (void)o; die("not yet"); }
int cmd_peers(Opts *o) { (void)o; die("not yet"); }
int cmd_gen(Opts *o) { (void)o; die("not yet"); }
void page_dashboard(Req *r) { (void)r; }
void page_measure(Req *r) { (void)r; }
void page_measures(Req *r) { (void)r; }
void page_forces(Req *r) { (void)r; }
void page_imports(Req *r) { (void)r; }
void page_pack(Req *r) { (void)r; }
