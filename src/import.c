/*
 * import.c: the import framework (see import.h): finding sources, hashing
 * them, reading them through CsvReader, progress, the transaction and the
 * provenance records.
 */
#include "import.h"
#include "db.h"
#include "pii.h"

#include <dirent.h>
#include <pthread.h>
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

void import_free(Import *imp)
{
    for (int i = 0; i < imp->nsrc; i++) {
        free(imp->src[i].path);
        free(imp->src[i].member);
        free(imp->src[i].display);
    }
    free(imp->src);
    imp->src = NULL;
    imp->nsrc = 0;
    buf_free(&imp->err);
    buf_free(&imp->summary);
}

bool import_fail(Import *imp, const Source *s, long line, const char *fmt, ...)
{
    if (imp->err.len) return false; /* keep the first error */
    if (s && line > 0) buf_printf(&imp->err, "%s:%ld: ", s->display, line);
    else if (s) buf_printf(&imp->err, "%s: ", s->display);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&imp->err, fmt, ap);
    va_end(ap);
    return false;
}

/* Appends text for an error message, with control characters shown as '?'
 * and at most 80 bytes. */
static void quote_found(Buf *b, const char *s, size_t n)
{
    size_t lim = n > 80 ? 80 : n;
    buf_putc(b, '"');
    for (size_t i = 0; i < lim; i++) buf_putc(b, (unsigned char)s[i] < 0x20 ? '?' : s[i]);
    buf_puts(b, n > lim ? "...\"" : "\"");
}

bool import_field_error(Import *imp, const Source *s, long line, const char *field, const char *expected, const char *found, size_t found_len)
{
    if (imp->err.len) return false;
    buf_printf(&imp->err, "%s:%ld: field \"%s\": expected %s", s->display, line, field, expected);
    if (found) {
        buf_puts(&imp->err, ", found ");
        if (found_len == 0) buf_puts(&imp->err, "an empty value");
        else quote_found(&imp->err, found, found_len);
    }
    return false;
}

bool import_parse_flag(const CsvField *f, int *out)
{
    static const char *const yes[] = {"y", "yes", "true", "1"}, *const no[] = {"n", "no", "false", "0"};
    for (int i = 0; i < 4; i++) {
        if (f->len == strlen(yes[i]) && strncasecmp(f->s, yes[i], f->len) == 0) return *out = 1, true;
        if (f->len == strlen(no[i]) && strncasecmp(f->s, no[i], f->len) == 0) return *out = 0, true;
    }
    return false;
}

bool import_check_header(Import *imp, Source *s, CsvReader *r, const char *what, const char *const *cols, int ncols)
{
    for (int i = 0; i < r->nfields; i++) {
        const char *why = pii_column(r->f[i].s, r->f[i].len);
        bool known = false;
        for (int j = 0; j < ncols; j++) known |= csv_eq(r, i, cols[j]);
        if (why && !known) return import_fail(imp, s, 1, "column \"%.*s\" looks like personal data: %s", (int)r->f[i].len, r->f[i].s, why);
    }
    bool ok = r->nfields == ncols;
    for (int i = 0; ok && i < ncols; i++) ok = csv_eq(r, i, cols[i]);
    if (ok) return true;
    Buf want = {0};
    for (int i = 0; i < ncols; i++) buf_printf(&want, "%s%s", i ? "," : "", cols[i]);
    import_fail(imp, s, 1, "not a %s extract: expected the header \"%s\"", what, buf_cstr(&want));
    buf_free(&want);
    return false;
}

bool parse_month(const char *s, size_t len, int *yyyymm)
{
    if (len != 7 || s[4] != '-') return false;
    for (int i = 0; i < 7; i++)
        if (i != 4 && (s[i] < '0' || s[i] > '9')) return false;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    if (m < 1 || m > 12 || y < 2000 || y > 2099) return false;
    *yyyymm = y * 100 + m;
    return true;
}

int64_t *counts_slot(Counts *c, uint64_t key)
{
    if (c->n * 2 >= c->cap) {
        size_t ncap = c->cap ? c->cap * 2 : 1024;
        uint64_t *nk = xcalloc(ncap, sizeof *nk);
        int64_t *nv = xcalloc(ncap, sizeof *nv);
        for (size_t i = 0; i < c->cap; i++) {
            if (!c->keys[i]) continue;
            size_t j = (size_t)((c->keys[i] * 0x9E3779B97F4A7C15ULL) >> 20) & (ncap - 1);
            while (nk[j]) j = (j + 1) & (ncap - 1);
            nk[j] = c->keys[i];
            nv[j] = c->vals[i];
        }
        free(c->keys);
        free(c->vals);
        c->keys = nk;
        c->vals = nv;
        c->cap = ncap;
    }
    uint64_t k = key + 1;
    size_t j = (size_t)((k * 0x9E3779B97F4A7C15ULL) >> 20) & (c->cap - 1);
    while (c->keys[j] && c->keys[j] != k) j = (j + 1) & (c->cap - 1);
    if (!c->keys[j]) {
        c->keys[j] = k;
        c->n++;
    }
    return &c->vals[j];
}

void counts_free(Counts *c)
{
    free(c->keys);
    free(c->vals);
    memset(c, 0, sizeof *c);
}

/* ---- finding sources ---- */

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

static Source *add_source(Import *imp, const char *path, const char *member)
{
    imp->src = xrealloc(imp->src, sizeof(Source) * (size_t)(imp->nsrc + 1));
    Source *s = &imp->src[imp->nsrc++];
    memset(s, 0, sizeof *s);
    s->path = xstrdup(path);
    s->member = member ? xstrdup(member) : NULL;
    Buf d = {0};
    if (member) buf_printf(&d, "%s:%s", path, member);
    else buf_puts(&d, path);
    s->display = buf_take(&d);
    const char *name = member ? s->member : s->path;
    const char *slash = strrchr(name, '/');
    s->base = slash ? slash + 1 : name;
    return s;
}

/* SHA-256 with OpenSSL's libcrypto, which uses the CPU's SHA instructions
 * (about six times libsodium's portable code here: see docs/ARCHITECTURE.md).
 * sha_begin returns a context the caller ends with sha_end. */
static EVP_MD_CTX *sha_begin(void)
{
    EVP_MD_CTX *c = EVP_MD_CTX_new();
    if (!c || !EVP_DigestInit_ex(c, EVP_sha256(), NULL)) die("cannot initialise SHA-256");
    return c;
}

/* Finishes the hash into hex (65 bytes) and frees the context. */
static void sha_end(EVP_MD_CTX *c, char hex[65])
{
    unsigned char h[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_DigestFinal_ex(c, h, &n);
    EVP_MD_CTX_free(c);
    sodium_bin2hex(hex, 65, h, n);
}

/* SHA-256 of a whole file as hex; false on a read error. */
static bool sha256_file(const char *path, char hex[65])
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) return false;
    EVP_MD_CTX *c = sha_begin();
    unsigned char *buf = xmalloc(1 << 20);
    ssize_t k;
    while ((k = read(fd, buf, 1 << 20)) > 0) EVP_DigestUpdate(c, buf, (size_t)k);
    free(buf);
    close(fd);
    sha_end(c, hex);
    return k >= 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool add_path(Import *imp, const char *path, bool from_folder);

/* Adds every CSV member of a zip archive, in name order. */
static bool add_zip(Import *imp, const char *path)
{
    int zerr = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
    if (!z) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, zerr);
        import_fail(imp, NULL, 0, "%s: not a readable zip archive: %s", path, zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return false;
    }
    char hex[65];
    if (!sha256_file(path, hex)) {
        zip_close(z);
        return import_fail(imp, NULL, 0, "%s: cannot read: %s", path, strerror(errno));
    }
    zip_int64_t n = zip_get_num_entries(z, 0);
    char **names = xcalloc((size_t)n + 1, sizeof *names);
    int k = 0;
    for (zip_int64_t i = 0; i < n; i++) {
        const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
        if (name && ends_with(name, ".csv")) names[k++] = xstrdup(name);
    }
    qsort(names, (size_t)k, sizeof *names, cmp_str);
    for (int i = 0; i < k; i++) {
        zip_stat_t st;
        zip_stat_init(&st);
        zip_stat(z, names[i], 0, &st);
        Source *s = add_source(imp, path, names[i]);
        s->size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
        memcpy(s->sha256, hex, 65);
        imp->total_bytes += s->size;
        free(names[i]);
    }
    free(names);
    zip_close(z);
    if (k == 0) return import_fail(imp, NULL, 0, "%s: the archive holds no .csv file", path);
    return true;
}

/* Adds every CSV (and zip) in a folder, recursively, in name order. */
static bool add_dir(Import *imp, const char *path)
{
    struct dirent **list;
    int n = scandir(path, &list, NULL, alphasort);
    if (n < 0) return import_fail(imp, NULL, 0, "%s: cannot read folder: %s", path, strerror(errno));
    bool ok = true;
    int before = imp->nsrc;
    for (int i = 0; i < n; i++) {
        const char *name = list[i]->d_name;
        if (ok && name[0] != '.') {
            Buf p = {0};
            buf_printf(&p, "%s/%s", path, name);
            ok = add_path(imp, p.s, true);
            buf_free(&p);
        }
        free(list[i]);
    }
    free(list);
    if (ok && imp->nsrc == before) return import_fail(imp, NULL, 0, "%s: the folder holds no .csv or .zip file", path);
    return ok;
}

static bool add_path(Import *imp, const char *path, bool from_folder)
{
    struct stat st;
    if (stat(path, &st) != 0) return import_fail(imp, NULL, 0, "%s: %s", path, strerror(errno));
    if (S_ISDIR(st.st_mode)) return add_dir(imp, path);
    if (ends_with(path, ".zip")) return add_zip(imp, path);
    if (ends_with(path, ".csv") || !from_folder) {
        Source *s = add_source(imp, path, NULL);
        s->size = (unsigned long long)st.st_size;
        imp->total_bytes += s->size;
        return true;
    }
    return true; /* other files in a folder (README, licence) are not data */
}

/* ---- reading ---- */

/* The byte source behind a CsvReader: a file (hashed as it is read) or a
 * zip member. */
typedef struct Reader {
    int fd;
    zip_t *z;
    zip_file_t *zf;
    EVP_MD_CTX *sha;
} Reader;

/* Reads up to n bytes from the underlying file or member, hashing plain
 * files as it goes. Returns the count, 0 at the end, -1 on error. */
static ssize_t raw_read(Reader *rd, void *buf, size_t n)
{
    if (rd->zf) {
        zip_int64_t k = zip_fread(rd->zf, buf, n);
        return k < 0 ? -1 : (ssize_t)k;
    }
    ssize_t k = csv_read_fd((void *)(intptr_t)rd->fd, buf, n);
    if (k > 0) EVP_DigestUpdate(rd->sha, buf, (size_t)k);
    return k;
}

/* Opens a source for reading; false with the reason in err. */
static bool reader_open(Source *s, Reader *rd, char *err, size_t errlen)
{
    memset(rd, 0, sizeof *rd);
    rd->fd = -1;
    if (s->member) {
        int zerr = 0;
        rd->z = zip_open(s->path, ZIP_RDONLY, &zerr);
        if (rd->z) rd->zf = zip_fopen(rd->z, s->member, 0);
        if (!rd->zf) {
            if (rd->z) zip_close(rd->z);
            rd->z = NULL;
            snprintf(err, errlen, "cannot open the archive member");
            return false;
        }
        return true;
    }
    rd->fd = open(s->path, O_RDONLY);
    if (rd->fd < 0) {
        snprintf(err, errlen, "cannot open: %s", strerror(errno));
        return false;
    }
    rd->sha = sha_begin();
    return true;
}

static void reader_close(Source *s, Reader *rd)
{
    if (rd->zf) {
        zip_fclose(rd->zf);
        zip_close(rd->z);
    } else if (rd->fd >= 0) {
        sha_end(rd->sha, s->sha256);
        close(rd->fd);
    }
}

/* Read-ahead: each source being read has a thread that reads it (inflating
 * zip members, hashing plain files) into a ring of blocks while the importer
 * parses earlier blocks; import_run() also starts the next source's thread
 * before parsing the current one, so two inflaters and the parser share the
 * cores. Blocks are allocated as they are first filled, so a small file
 * costs little. Figures in bench/ and docs/ARCHITECTURE.md. */
#define PF_BLOCKS 16
#define PF_BLOCK (1u << 20)
#define READ_AHEAD 3 /* sources open at once: the one parsed and two ahead */

typedef struct Prefetch {
    Reader *rd;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    unsigned char *block[PF_BLOCKS];
    size_t len[PF_BLOCKS];
    int head, count;  /* the consumer reads block[head]; count blocks are full */
    size_t off;       /* the consumer's offset in block[head] */
    bool done;        /* the producer reached the end (or an error) */
    bool stop;        /* the consumer is finished: the producer stops */
    int err;          /* errno of a read error, 0 if none */
} Prefetch;

static void *prefetch_main(void *arg)
{
    Prefetch *pf = arg;
    for (;;) {
        pthread_mutex_lock(&pf->mu);
        while (pf->count == PF_BLOCKS && !pf->stop) pthread_cond_wait(&pf->cv, &pf->mu);
        if (pf->stop) {
            pthread_mutex_unlock(&pf->mu);
            return NULL;
        }
        int slot = (pf->head + pf->count) % PF_BLOCKS;
        pthread_mutex_unlock(&pf->mu);
        /* fill the free slot outside the lock; the consumer never reads it
         * until count says it is full */
        size_t got = 0;
        int err = 0;
        bool end = false;
        if (!pf->block[slot]) pf->block[slot] = xmalloc(PF_BLOCK);
        while (got < PF_BLOCK) {
            ssize_t k = raw_read(pf->rd, pf->block[slot] + got, PF_BLOCK - got);
            if (k < 0) {
                err = errno ? errno : EIO;
                end = true;
                break;
            }
            if (k == 0) {
                end = true;
                break;
            }
            got += (size_t)k;
        }
        pthread_mutex_lock(&pf->mu);
        if (got > 0) {
            pf->len[slot] = got;
            pf->count++;
        }
        if (end) {
            pf->done = true;
            pf->err = err;
        }
        pthread_cond_broadcast(&pf->cv);
        pthread_mutex_unlock(&pf->mu);
        if (end) return NULL;
    }
}

/* The CsvReader's read callback: copies from the ring. */
static ssize_t prefetch_read(void *ctx, void *buf, size_t n)
{
    Prefetch *pf = ctx;
    pthread_mutex_lock(&pf->mu);
    while (pf->count == 0 && !pf->done) pthread_cond_wait(&pf->cv, &pf->mu);
    if (pf->count == 0) {
        int err = pf->err;
        pthread_mutex_unlock(&pf->mu);
        if (err) {
            errno = err;
            return -1;
        }
        return 0;
    }
    int h = pf->head;
    size_t take = pf->len[h] - pf->off;
    pthread_mutex_unlock(&pf->mu);
    if (take > n) take = n;
    memcpy(buf, pf->block[h] + pf->off, take);
    pthread_mutex_lock(&pf->mu);
    pf->off += take;
    if (pf->off == pf->len[h]) {
        pf->head = (h + 1) % PF_BLOCKS;
        pf->count--;
        pf->off = 0;
        pthread_cond_broadcast(&pf->cv);
    }
    pthread_mutex_unlock(&pf->mu);
    return (ssize_t)take;
}

static void prefetch_start(Prefetch *pf, Reader *rd)
{
    memset(pf, 0, sizeof *pf);
    pf->rd = rd;
    pthread_mutex_init(&pf->mu, NULL);
    pthread_cond_init(&pf->cv, NULL);
    if (pthread_create(&pf->thread, NULL, prefetch_main, pf) != 0) die("cannot start a reading thread");
}

/* Stops the producer (even mid-file, after an error) and frees the ring. */
static void prefetch_stop(Prefetch *pf)
{
    pthread_mutex_lock(&pf->mu);
    pf->stop = true;
    pthread_cond_broadcast(&pf->cv);
    pthread_mutex_unlock(&pf->mu);
    pthread_join(pf->thread, NULL);
    pthread_mutex_destroy(&pf->mu);
    pthread_cond_destroy(&pf->cv);
    for (int i = 0; i < PF_BLOCKS; i++) free(pf->block[i]);
}

void import_progress(Import *imp, const CsvReader *r)
{
    if (!imp->progress) return;
    double now = mono_seconds();
    if (now - imp->last_progress < 0.25) return;
    imp->last_progress = now;
    double secs = now - imp->t0;
    unsigned long long done = imp->done_bytes + r->bytes;
    double pct = imp->total_bytes ? 100.0 * (double)done / (double)imp->total_bytes : 0;
    char rows[32];
    fmt_thousands(rows, sizeof rows, imp->rows);
    fprintf(stderr, "\r  %s rows  %.0f rows/s  %.1f MB/s  %3.0f%%   ", rows, secs > 0 ? (double)imp->rows / secs : 0,
            secs > 0 ? (double)done / 1e6 / secs : 0, pct > 100 ? 100 : pct);
}

static bool record_provenance(Import *imp, double seconds)
{
    char finished[32];
    now_iso(finished);
    sqlite3_stmt *st = db_prepare(imp->db, "UPDATE import SET finished_at=?1, rows=?2, seconds=?3, summary=?4 WHERE id=?5");
    sqlite3_bind_text(st, 1, finished, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, imp->rows);
    sqlite3_bind_double(st, 3, seconds);
    sqlite3_bind_text(st, 4, buf_cstr(&imp->summary), -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, imp->import_id);
    db_step_done(st);
    sqlite3_finalize(st);
    st = db_prepare(imp->db, "INSERT INTO import_file(import_id,path,member,sha256,bytes,rows,file_kind) VALUES(?1,?2,?3,?4,?5,?6,?7)");
    for (int i = 0; i < imp->nsrc; i++) {
        Source *s = &imp->src[i];
        sqlite3_bind_int64(st, 1, imp->import_id);
        sqlite3_bind_text(st, 2, s->path, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, s->member ? s->member : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, s->sha256, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 5, (sqlite3_int64)s->size);
        sqlite3_bind_int64(st, 6, s->rows);
        sqlite3_bind_text(st, 7, s->kind, -1, SQLITE_STATIC);
        db_step_done(st);
    }
    sqlite3_finalize(st);
    return true;
}

bool import_run(Import *imp, char **paths, int npaths, ImportSourceFn each, ImportFinishFn finish, void *state)
{
    if (sodium_init() < 0) return import_fail(imp, NULL, 0, "cannot initialise libsodium");
    imp->t0 = mono_seconds();
    now_iso(imp->started_at);
    bool ok = true;
    for (int i = 0; ok && i < npaths; i++) ok = add_path(imp, paths[i], false);
    if (ok && imp->nsrc == 0) ok = import_fail(imp, NULL, 0, "no files to import");
    if (ok) {
        db_exec(imp->db, "BEGIN IMMEDIATE");
        sqlite3_stmt *st = db_prepare(imp->db, "INSERT INTO import(kind,started_at,finished_at,user,rows,seconds,summary) VALUES(?1,?2,?2,?3,0,0,'') RETURNING id");
        sqlite3_bind_text(st, 1, imp->kind, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, imp->started_at, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, imp->user, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) imp->import_id = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    /* Source i is parsed while the next ones are already being read ahead:
     * slot k % READ_AHEAD holds source k; in_slot says which source is open
     * there (-1 none), open_err why opening it failed. */
    Reader rd[READ_AHEAD];
    Prefetch pf[READ_AHEAD];
    int in_slot[READ_AHEAD];
    char open_err[READ_AHEAD][160];
    for (int k = 0; k < READ_AHEAD; k++) in_slot[k] = -1, open_err[k][0] = 0;
    for (int i = 0; ok && i < imp->nsrc; i++) {
        for (int k = i; k < i + READ_AHEAD && k < imp->nsrc; k++) {
            int slot = k % READ_AHEAD;
            if (in_slot[slot] == k || open_err[slot][0]) continue;
            if (reader_open(&imp->src[k], &rd[slot], open_err[slot], sizeof open_err[slot])) {
                prefetch_start(&pf[slot], &rd[slot]);
                in_slot[slot] = k;
            }
        }
        Source *s = &imp->src[i];
        int slot = i % READ_AHEAD;
        if (in_slot[slot] != i) {
            ok = import_fail(imp, s, 0, "%s", open_err[slot]);
            break;
        }
        CsvReader r;
        csv_open(&r, prefetch_read, &pf[slot]);
        ok = each(imp, s, &r, state);
        imp->done_bytes += r.bytes;
        if (ok && s->size == 0) s->size = r.bytes;
        csv_close(&r);
        prefetch_stop(&pf[slot]);
        reader_close(s, &rd[slot]);
        in_slot[slot] = -1;
    }
    /* a source read ahead but never parsed, because an error stopped the import */
    for (int slot = 0; slot < READ_AHEAD; slot++) {
        if (in_slot[slot] < 0) continue;
        prefetch_stop(&pf[slot]);
        reader_close(&imp->src[in_slot[slot]], &rd[slot]);
    }
    if (ok) ok = finish(imp, state);
    if (imp->progress) fprintf(stderr, "\r%*s\r", 70, "");
    if (!ok) {
        if (imp->import_id) db_exec(imp->db, "ROLLBACK");
        if (!imp->err.len) buf_puts(&imp->err, "import failed");
        return false;
    }
    record_provenance(imp, mono_seconds() - imp->t0);
    db_bump_generation(imp->db);
    db_exec(imp->db, "COMMIT");
    return true;
}
