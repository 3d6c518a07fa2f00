/*
 * board.h: the Accountability Board's shared logic (board.c), used by the
 * pages (page_board.c, page_liaison.c) and the demo (demo_board.c):
 *   - the meeting's life: planned -> agenda set -> notified -> held ->
 *     minutes approved -> minutes published (or cancelled);
 *   - the candidates offered at agenda setting: open follow-ups of earlier
 *     meetings, schedule-of-assurance matters due by the meeting's date,
 *     and exceptions (the office force's measures off target, or newly the
 *     worst of its peer group) with a drafted question;
 *   - drafting the minutes from the items;
 *   - checking an uploaded paper (type by extension and content, size).
 */
#ifndef ASSURE_BOARD_H
#define ASSURE_BOARD_H

#include <sqlite3.h>
#include <stdbool.h>

#include "measures.h"
#include "util.h"

/* The statuses of a meeting in order (cancelled is not in the sequence). */
extern const char *const board_statuses[];
extern const int board_nstatuses;
/* The position of a status in board_statuses, or -1 (cancelled, unknown). */
int board_status_index(const char *status);
/* The status after `status`, or NULL at the end. */
const char *board_status_next(const char *status);
/* True when the liaison may see the meeting's items (notified or later). */
bool board_status_notified(const char *status);

/* True when s is a real date written YYYY-MM-DD. */
bool board_valid_date(const char *s);
/* "16 December 2025" from "2025-12-16" (s itself when malformed). */
void board_date_long(const char *iso, char *out, size_t n);

typedef enum { CAND_FOLLOWUP, CAND_SCHEDULE, CAND_EXCEPTION } CandKind;

/* A matter offered for a meeting's agenda. Strings live in the arena. */
typedef struct Candidate {
    CandKind kind;
    long long ref;        /* follow_up.id, assurance_schedule.id; 0 for exceptions
                           * (the item added records it: follow_up_id, schedule_id) */
    const char *key;      /* exception: the measure's key */
    const char *subject, *matter, *questions, *form, *lead, *paper_due;
    const char *why;      /* why it is offered, for the page */
    const char *marking;  /* OFFICIAL or OFFICIAL-SENSITIVE */
    bool overdue;         /* a schedule matter past its latest date */
    bool on_agenda;       /* already an item of this meeting */
} Candidate;

/* The candidates for meeting_id (ms: the office's measures, for the
 * exceptions; NULL leaves them out). Returns how many, *out in the arena. */
int board_candidates(sqlite3 *db, const MeasureSet *ms, long long meeting_id, Arena *a, Candidate **out);

/* Adds candidate c as the last item of meeting_id, linked to what it came
 * from (follow_up_id, schedule_id or measure_key), so the candidate is
 * known to be on the agenda however the item is reworded. Returns the
 * item's id, 0 on failure. */
long long board_add_candidate(sqlite3 *db, long long meeting_id, const Candidate *c);

/* The question drafted for a measure off target (or worse than its peers),
 * e.g. "Response to Grade 1 urban incidents was 12m 10s in October 2025
 * against a target of 10 minutes: what is the force doing to bring it back
 * within target, and by when?". Returns false when the value is on target
 * and not worst among its peers. *subject, *matter, *question in arena. */
bool board_exception(const MeasureSet *ms, int def, int area, int month, Arena *a, const char **matter, const char **question);

/* Records the verdict on an item: when the item came from the schedule of
 * assurance, the schedule's last paper date moves to the meeting's date.
 * Returns false when the verdict is not one of the three (or empty). */
bool board_set_verdict(sqlite3 *db, long long item_id, const char *verdict, const char *discussion);

/* Drafts the minutes of a meeting from its items into out (plain text).
 * The minutes of an OFFICIAL meeting are published, so they leave out its
 * items and follow-ups marked OFFICIAL-SENSITIVE, saying how many. */
void board_draft_minutes(sqlite3 *db, long long meeting_id, Buf *out);

/* What the minutes of an OFFICIAL meeting (which are published) name of
 * its OFFICIAL-SENSITIVE items: the first such item's subject, or
 * follow-up's request, found in the minutes' text (any case), copied into
 * a; NULL when they name none. Approval is refused while they do: the
 * draft leaves those items out, but the office edits the text. */
const char *board_minutes_name_sensitive(sqlite3 *db, long long meeting_id, Arena *a);

/* Checks an uploaded paper: an allowed extension (.pdf, .docx, .xlsx,
 * .txt) whose content matches it, not empty, at most BOARD_PAPER_MAX
 * bytes. Returns the content type to store, or NULL with the reason. */
#define BOARD_PAPER_MAX (5 * 1024 * 1024)
const char *board_paper_type(const char *filename, const char *data, size_t len, const char **why);
/* The file's name made safe for a Content-Disposition header. */
const char *board_safe_filename(Arena *a, const char *filename);
/* Hex SHA-256 (libsodium) of data into out[65]. */
void board_sha256_hex(const char *data, size_t len, char out[65]);

#endif
