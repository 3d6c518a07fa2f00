/*
 * http.c: the built-in web server, a thin layer over libmicrohttpd.
 *
 * libmicrohttpd parses HTTP; this file collects each request's raw target
 * (through the URI log callback, before libmicrohttpd decodes it, so the
 * server and `assure test-http` decode alike in req.c), its headers and its
 * body (up to REQ_MAX_BODY), opens a database connection for the request,
 * runs req_run() (req.c) and queues the reply. A pool of four threads
 * serves requests; each request has its own connection and arena, and
 * nothing is shared between requests but the read-only Server and the
 * computed measures (measures_cache.c), which a thread computes as the
 * server starts so that the first page to show them does not wait.
 */
#include "http.h"
#include "auth.h"
#include "db.h"
#include "measures_cache.h"
#include "req.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

/* What every request handler shares: read-only after start-up. */
typedef struct Server {
    const char *db_path; /* the database each request opens */
} Server;

/* One request in progress, the libmicrohttpd con_cls. Created by uri_log,
 * freed by request_completed. */
typedef struct Conn {
    char *target;   /* the raw request-target (path and query, undecoded) */
    Buf body;       /* the body so far */
    bool too_large; /* the body passed REQ_MAX_BODY; the rest is dropped */
    bool started;   /* the access handler has seen the headers */
} Conn;

/* URI log callback: called once per request with the raw target; its
 * return value becomes the request's con_cls (freed in request_completed). */
static void *uri_log(void *cls, const char *uri, struct MHD_Connection *mc)
{
    (void)cls, (void)mc;
    Conn *c = xcalloc(1, sizeof *c);
    c->target = xstrdup(uri ? uri : "");
    return c;
}

/* Completion callback: frees the request's Conn. */
static void request_completed(void *cls, struct MHD_Connection *mc, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    (void)cls, (void)mc, (void)toe;
    Conn *c = *con_cls;
    if (!c) return;
    free(c->target);
    buf_free(&c->body);
    free(c);
    *con_cls = NULL;
}

/* Header iterator: appends each Cookie header to the Buf in cls, joined by
 * "; " (a client may send several). */
static enum MHD_Result collect_cookie(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    Buf *b = cls;
    if (key && value && strcasecmp(key, MHD_HTTP_HEADER_COOKIE) == 0) {
        if (b->len) buf_puts(b, "; ");
        buf_puts(b, value);
    }
    return MHD_YES;
}

/* The client's address as text into out ("" when unknown). */
static void client_address(struct MHD_Connection *mc, char *out, size_t outlen)
{
    out[0] = 0;
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(mc, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!ci || !ci->client_addr) return;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out, (socklen_t)outlen);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out, (socklen_t)outlen);
}

/* Adds each "Name: value\r\n" line of headers to the response. */
static void add_headers(struct MHD_Response *resp, const Buf *headers)
{
    const char *p = buf_cstr(headers);
    while (*p) {
        const char *eol = strstr(p, "\r\n");
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        const char *colon = memchr(p, ':', n);
        if (colon) {
            char name[128];
            size_t nl = (size_t)(colon - p);
            if (nl < sizeof name) {
                memcpy(name, p, nl);
                name[nl] = 0;
                const char *v = colon + 1;
                while (*v == ' ') v++;
                char *value = xstrndup(v, (size_t)(p + n - v));
                MHD_add_response_header(resp, name, value);
                free(value);
            }
        }
        if (!eol) break;
        p = eol + 2;
    }
}

/* Runs the request through req_run() on a fresh database connection and
 * queues the reply. */
static enum MHD_Result respond(const Server *srv, struct MHD_Connection *mc, const char *method, Conn *c)
{
    char err[512];
    sqlite3 *db = db_try_open(srv->db_path, false, err, sizeof err);
    if (!db) warnx("%s", err);

    Buf cookies = {0};
    MHD_get_connection_values(mc, MHD_HEADER_KIND, collect_cookie, &cookies);
    char remote[64];
    client_address(mc, remote, sizeof remote);
    RawRequest raw = {
        .method = method,
        .target = c->target,
        .cookie = cookies.len ? buf_cstr(&cookies) : NULL,
        .content_type = MHD_lookup_connection_value(mc, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE),
        .if_none_match = MHD_lookup_connection_value(mc, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH),
        .remote = remote,
        .body = c->body.s,
        .body_len = c->body.len,
        .body_too_large = c->too_large,
    };
    Req r;
    req_init(&r, db, srv->db_path);
    req_run(&r, &raw);

    struct MHD_Response *resp = MHD_create_response_from_buffer(r.out.len, (void *)buf_cstr(&r.out), MHD_RESPMEM_MUST_COPY);
    enum MHD_Result ret = MHD_NO;
    if (resp) {
        if (r.status != 304) MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r.content_type);
        add_headers(resp, &r.headers);
        ret = MHD_queue_response(mc, (unsigned int)r.status, resp);
        MHD_destroy_response(resp);
    }
    req_free(&r);
    buf_free(&cookies);
    db_close(db);
    return ret;
}

/* The access handler: called once when the headers are in, then once per
 * chunk of body, then once more with nothing, when we reply. */
static enum MHD_Result access_handler(void *cls, struct MHD_Connection *mc, const char *url, const char *method,
                                      const char *version, const char *upload_data, size_t *upload_data_size, void **con_cls)
{
    (void)version;
    const Server *srv = cls;
    Conn *c = *con_cls;
    if (!c) {
        /* Not expected (uri_log always runs first), but be safe. */
        c = uri_log(NULL, url, mc);
        *con_cls = c;
    }
    if (!c->started) {
        c->started = true;
        const char *cl = MHD_lookup_connection_value(mc, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl && strtoull(cl, NULL, 10) > REQ_MAX_BODY) {
            /* Refuse before reading the body; libmicrohttpd then closes
             * the connection. */
            c->too_large = true;
            return respond(srv, mc, method, c);
        }
        return MHD_YES;
    }
    if (*upload_data_size) {
        if (!c->too_large) {
            if (c->body.len + *upload_data_size > REQ_MAX_BODY) {
                c->too_large = true;
                buf_free(&c->body);
            } else {
                buf_append(&c->body, upload_data, *upload_data_size);
            }
        }
        *upload_data_size = 0;
        return MHD_YES;
    }
    return respond(srv, mc, method, c);
}

/* Computes the store's measures into the cache (a thread started with the
 * server; requests that need them meanwhile wait for their own). */
static void *warm_measures(void *arg)
{
    const char *path = arg;
    char err[256];
    sqlite3 *db = db_try_open(path, false, err, sizeof err);
    if (db) {
        measures_release(measures_acquire(db, path));
        db_close(db);
    }
    return NULL;
}

int http_serve(const char *db_path, const char *bind, int port, bool print_address)
{
    auth_init();
    if (!bind) bind = "127.0.0.1";
    if (port < 0 || port > 65535) {
        warnx("port %d is out of range (1-65535)", port);
        return 1;
    }
    struct sockaddr_in sin;
    struct sockaddr_in6 sin6;
    struct sockaddr *sa;
    bool v6 = strchr(bind, ':') != NULL;
    memset(&sin, 0, sizeof sin);
    memset(&sin6, 0, sizeof sin6);
    if (v6) {
        sin6.sin6_family = AF_INET6;
        sin6.sin6_port = htons((uint16_t)port);
        if (inet_pton(AF_INET6, bind, &sin6.sin6_addr) != 1) {
            warnx("'%s' is not an IPv6 address", bind);
            return 1;
        }
        sa = (struct sockaddr *)&sin6;
    } else {
        sin.sin_family = AF_INET;
        sin.sin_port = htons((uint16_t)port);
        if (inet_pton(AF_INET, bind, &sin.sin_addr) != 1) {
            warnx("'%s' is not an IPv4 address", bind);
            return 1;
        }
        sa = (struct sockaddr *)&sin;
    }

    /* Block the stop signals in every thread (libmicrohttpd's inherit the
     * mask) and wait for them here with sigwait. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    Server srv = {.db_path = db_path};
    unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG | (v6 ? MHD_USE_IPv6 : 0);
    struct MHD_Daemon *d = MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, access_handler, &srv,
                                            MHD_OPTION_SOCK_ADDR, sa,
                                            MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)4,
                                            MHD_OPTION_URI_LOG_CALLBACK, uri_log, NULL,
                                            MHD_OPTION_NOTIFY_COMPLETED, request_completed, NULL,
                                            MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)60,
                                            MHD_OPTION_END);
    if (!d) {
        pthread_sigmask(SIG_UNBLOCK, &stop, NULL);
        warnx("cannot listen on %s port %d (is another server using it?)", bind, port);
        return 1;
    }
    int actual = port;
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    if (di && di->port) actual = di->port;
    if (print_address) {
        if (v6) printf("assure: serving %s at http://[%s]:%d/ (Ctrl-C to stop)\n", db_path, bind, actual);
        else printf("assure: serving %s at http://%s:%d/ (Ctrl-C to stop)\n", db_path, bind, actual);
        fflush(stdout);
    }
    pthread_t warm;
    bool warming = pthread_create(&warm, NULL, warm_measures, (void *)db_path) == 0;
    int sig = 0;
    sigwait(&stop, &sig);
    MHD_stop_daemon(d);
    if (warming) pthread_join(warm, NULL);
    pthread_sigmask(SIG_UNBLOCK, &stop, NULL);
    return 0;
}
