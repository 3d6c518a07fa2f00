/*
 * http.h: the built-in web server (libmicrohttpd glue, see http.c).
 */
#ifndef ASSURE_HTTP_H
#define ASSURE_HTTP_H

#include <stdbool.h>

/* Serves the web application for the database at db_path on bind:port
 * (bind NULL means 127.0.0.1; an address with ':' is IPv6) until SIGINT or
 * SIGTERM, then stops cleanly. With print_address, prints
 * "assure: serving DB at http://ADDR:PORT/ (Ctrl-C to stop)" once
 * listening. Returns the process exit status (0 after a clean stop, 1 when
 * the server could not start, with a message on stderr). */
int http_serve(const char *db_path, const char *bind, int port, bool print_address);

#endif
