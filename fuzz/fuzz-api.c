/* fuzz-api.c: libFuzzer harness for the API that Python reaches
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The input is a program of operations on one landscape: each operation
 * is a byte (its code) followed by its operands, read from the bytes that
 * follow (ids, texts, dates, periods, amounts, shares, enum values; a
 * missing byte reads as 0). The operations build records with valid and
 * invalid values, call their setters (also on records already in the
 * landscape), add and remove records and memberships, apply mergers, and
 * ask every query: as-of views, statuses, lineage, overlaps, due
 * diligence, funding totals and payments, contract chains, validation,
 * CSV, GraphML and DOT exports, save and load.
 *
 * Properties: nothing crashes and GLib logs no critical or warning (the
 * harness only makes calls that Python could make with values of the
 * right types, and keeps to the documented preconditions: no NULL where
 * one is not allowed, constructors only with valid ids); every refusal is
 * a KLYNGE_ERROR, a success sets no error; checked and unchecked funding
 * queries agree (NULL or -1 exactly when the checked one refuses); and a
 * landscape that klynge_landscape_validate() finds clean and that saves
 * must load again with the default options and save to the very same
 * bytes (a fixed point). The last is checked after every "save" operation
 * and at the end of the program.
 *
 * Built two ways, like fuzz-load.c: with clang -fsanitize=fuzzer (make
 * fuzz FUZZ_HARNESSES=api), and with fuzz/replay.c (make check replays
 * fuzz/seeds-api and fuzz/regressions/api-*).
 */
#include "config.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <klynge/klynge.h>

#define FUZZ_NAME "fuzz-api"
#include "fuzz-common.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);


/* Programs longer than this are cut: each operation may walk the whole
 * landscape, so this bounds the time of one input. */
#define MAX_OPERATIONS 96

/* Over the default 1 MiB cap on one value: what the setters accept, the
 * loader must read back (issue 14, item 11). Made once. */
static char *huge_text;

static gboolean initialized;

/* FUZZ_API_TRACE=1 prints each operation and refusal: to see what a seed
 * or a finding does. */
static gboolean trace;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  huge_text = g_malloc (2 * 1024 * 1024 + 1);
  memset (huge_text, 'x', 2 * 1024 * 1024);
  huge_text[2 * 1024 * 1024] = '\0';
  trace = g_getenv ("FUZZ_API_TRACE") != NULL;
  initialized = TRUE;
  return 0;
}

/* --- reading the program ------------------------------------------------- */

typedef struct {
  const uint8_t *data;
  size_t size;
  size_t pos;
  KlyngeLandscape *landscape;
  GPtrArray *ids;       /* ids used so far, for later operations to name */
  GPtrArray *strings;   /* texts made for this input, freed at its end */
} Program;

static gboolean
at_end (Program *p)
{
  return p->pos >= p->size;
}

static guint8
byte (Program *p)
{
  return p->pos < p->size ? p->data[p->pos++] : 0;
}

static guint16
u16 (Program *p)
{
  guint16 high = byte (p);

  return (guint16) (high << 8 | byte (p));
}

static guint64
u64 (Program *p)
{
  guint64 value = 0;

  for (guint i = 0; i < 8; i++)
    value = value << 8 | byte (p);
  return value;
}

/* Bytes of the input as a string of at most @max bytes (it ends at a NUL
 * in the input, as a C string would). */
static const char *
raw_string (Program *p,
            guint    max)
{
  guint length = byte (p) % (max + 1);
  char *s;

  length = MIN (length, p->size - p->pos);
  s = g_strndup ((const char *) p->data + p->pos, length);
  p->pos += length;
  g_ptr_array_add (p->strings, s);
  return s;
}

static const char * const some_ids[] = {
  "a", "b", "c", "org-1", "org-2", "m1", "m2", "siu", "eu", "c-1", "c-2",
  "merger-1", "i-1", "x9",
  /* not ids */
  "", "A", "1a", "a b", "-a", "a-", "a--b", "a_b", "a.b", "\xc3\xa6",
  "a\n", "\xc0\xaf",
};

/* An id: one used before (so records refer to each other), one of a
 * fixed set (valid and not), or bytes of the input. */
static const char *
next_id (Program *p)
{
  guint8 b = byte (p);

  if (b < 0x80 && p->ids->len > 0)
    return g_ptr_array_index (p->ids, b % p->ids->len);
  if (b < 0xe0)
    return some_ids[b % G_N_ELEMENTS (some_ids)];
  return raw_string (p, 24);
}

/* A valid id (for constructors, which require one), or NULL. */
static const char *
next_valid_id (Program *p)
{
  const char *id = next_id (p);

  return klynge_id_is_valid (id) ? id : NULL;
}

static void
remember_id (Program    *p,
             const char *id)
{
  for (guint i = 0; i < p->ids->len; i++)
    if (strcmp (g_ptr_array_index (p->ids, i), id) == 0)
      return;
  if (p->ids->len < 64)
    g_ptr_array_add (p->ids, g_strdup (id));
}

static const char * const some_texts[] = {
  "Name", "Ærø Klynge", "", " ", " lead", "trail ", "a\tb", "two\nlines",
  "<&>\"'", "]]>", "a\rb", "\x01", "\x7f", "\xc3", "\xc0\xaf",
  "\xef\xbf\xbe", "\xed\xa0\x80", "\xf4\x8f\xbf\xbf", "https://example.org/x?a=1&b=2",
  "29190909", "29190908", "12345678", "DK29190909",
};

/* A text: a fixed one, bytes of the input, or (rarely) one over the
 * loader's default value cap. */
static const char *
next_text (Program *p)
{
  guint8 b = byte (p);

  if (b == 0xff)
    return huge_text;
  if (b < 0xc0)
    return some_texts[b % G_N_ELEMENTS (some_texts)];
  return raw_string (p, 48);
}

/* A date: unset (zero-filled, as Python's Klynge.Date() is), or from a
 * fuzzed year, month and day (klynge_date_init() keeps it unset when they
 * are not a date). */
static void
next_date (Program    *p,
           KlyngeDate *date)
{
  guint8 b = byte (p);
  guint year, month, day;

  memset (date, 0, sizeof *date);
  if (b % 8 == 0)
    return;
  /* mostly years near the data; sometimes anything. One operand a
   * statement: C leaves the order of arguments open, and a program must
   * mean the same to every compiler. */
  year = b % 8 == 7 ? u16 (p) : 1990 + byte (p) % 50;
  month = b % 4 == 1 ? 0 : byte (p) % 14;
  day = b % 4 >= 2 ? byte (p) % 33 : 0;
  if (!klynge_date_init (date, year, month, day))
    memset (date, 0, sizeof *date);
}

/* A period: zero-filled, or from two dates; a refused pair must be
 * refused with a code, and then leaves the period zero-filled. */
static void
next_period (Program      *p,
             KlyngePeriod *period)
{
  KlyngeDate start, end;
  g_autoptr(GError) error = NULL;

  memset (period, 0, sizeof *period);
  if (byte (p) % 8 == 0)
    return;
  next_date (p, &start);
  next_date (p, &end);
  if (!klynge_period_init (period, &start, &end, &error))
    {
      check_error (error, "period_init");
      memset (period, 0, sizeof *period);
    }
  else if (error != NULL)
    FAIL ("period_init succeeded with an error");
}

static gint64
next_amount (Program *p)
{
  switch (byte (p) % 10)
    {
    case 0: return 0;
    case 1: return 1;
    case 2: return KLYNGE_MONEY_MAX;
    case 3: return KLYNGE_MONEY_MAX - 1;
    case 4: return KLYNGE_MONEY_MAX / 2 + 1;
    case 5: return -1;
    case 6: return G_MININT64;
    case 7: return (gint64) u16 (p) * 100;
    case 8: return (gint64) (u64 (p) >> 1);
    default: return (gint64) u64 (p);
    }
}

/* --- the properties ---------------------------------------------------- */

/* The result of a call that takes a GError: a refusal is coded, a success
 * sets no error. */
static gboolean
checked (gboolean      ok,
         GError      **error,
         const char   *what)
{
  if (ok && *error != NULL)
    FAIL ("%s succeeded and set an error: %s", what, (*error)->message);
  if (!ok)
    check_error (*error, what);
  if (trace)
    fprintf (stderr, "  %s: %s\n", what, ok ? "ok" : (*error)->message);
  g_clear_error (error);
  return ok;
}

/* What validate() finds clean and save accepts must load with the default
 * options and save to the same bytes. */
static void
check_round_trip (KlyngeLandscape *landscape)
{
  g_autoptr(GPtrArray) problems = klynge_landscape_validate (landscape);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(KlyngeLandscape) reloaded = NULL;
  g_autoptr(GPtrArray) reloaded_problems = NULL;
  g_autoptr(GError) error = NULL;

  check_problems (problems, "validate");
  saved = klynge_landscape_save_bytes (landscape, &error);
  if (saved == NULL)
    {
      check_error (error, "save_bytes");
      return;
    }
  if (error != NULL)
    FAIL ("save_bytes succeeded and set an error");
  if (problems->len > 0)
    return;

  reloaded = check_fixed_point (saved, "a landscape that validates clean");
  reloaded_problems = klynge_landscape_validate (reloaded);
  if (reloaded_problems->len > 0)
    FAIL ("a clean landscape has %u problems after a round trip, the first: %s",
          reloaded_problems->len,
          klynge_problem_get_message (g_ptr_array_index (reloaded_problems, 0)));
}

/* --- operations ------------------------------------------------------- */

static void
add_record (Program      *p,
            KlyngeRecord *record)
{
  g_autoptr(GError) error = NULL;

  remember_id (p, klynge_record_get_id (record));
  checked (klynge_landscape_add (p->landscape, record, &error), &error, "landscape_add");
}

static void
set_organisation (Program            *p,
                  KlyngeOrganisation *organisation)
{
  g_autoptr(GError) error = NULL;
  KlyngeDate date, until;

  switch (byte (p) % 11)
    {
    case 0:
      checked (klynge_organisation_set_name (organisation, next_text (p), &error), &error, "organisation_set_name");
      break;
    case 1:
      checked (klynge_organisation_set_name_en (organisation, byte (p) % 4 ? next_text (p) : NULL, &error),
               &error, "organisation_set_name_en");
      break;
    case 2:
      klynge_organisation_set_kind (organisation, byte (p) % (KLYNGE_ORGANISATION_KIND_OTHER + 1));
      break;
    case 3:
      next_date (p, &date);
      checked (klynge_organisation_set_founded (organisation, byte (p) % 4 ? &date : NULL, &error),
               &error, "organisation_set_founded");
      break;
    case 4:
      next_date (p, &date);
      checked (klynge_organisation_set_dissolved (organisation, byte (p) % 4 ? &date : NULL, &error),
               &error, "organisation_set_dissolved");
      break;
    case 5:
      checked (klynge_organisation_set_cvr (organisation, byte (p) % 4 ? next_text (p) : NULL, &error),
               &error, "organisation_set_cvr");
      break;
    case 6:
      checked (klynge_organisation_set_website (organisation, byte (p) % 4 ? next_text (p) : NULL, &error),
               &error, "organisation_set_website");
      break;
    case 7:
      checked (klynge_organisation_add_focus_area (organisation, next_text (p), &error), &error,
               "organisation_add_focus_area");
      break;
    case 8:
      {
        const char *city = next_text (p);
        const char *address = byte (p) % 2 ? next_text (p) : NULL;
        const char *role = byte (p) % 2 ? next_text (p) : NULL;
        g_autoptr(KlyngeLocation) location = klynge_location_new (city, address, role, &error);

        if (checked (location != NULL, &error, "location_new"))
          klynge_organisation_add_location (organisation, location);
      }
      break;
    case 9:
      {
        g_autoptr(KlyngeLabel) label = NULL;
        guint level = byte (p) % (KLYNGE_LABEL_LEVEL_GOLD + 1);

        next_date (p, &date);
        next_date (p, &until);
        label = klynge_label_new (level, &date, byte (p) % 2 ? &until : NULL, &error);
        if (checked (label != NULL, &error, "label_new"))
          klynge_organisation_add_label (organisation, label);
      }
      break;
    default:
      switch (byte (p) % 5)
        {
        case 0: klynge_organisation_clear_focus_areas (organisation); break;
        case 1: klynge_organisation_clear_locations (organisation); break;
        case 2: klynge_organisation_clear_labels (organisation); break;
        case 3:
          klynge_organisation_set_member_list (organisation, byte (p) % (KLYNGE_MEMBER_LIST_COMPLETE + 1));
          break;
        default: klynge_organisation_unset_member_list (organisation); break;
        }
      break;
    }
}

static void
set_member (Program      *p,
            KlyngeMember *member)
{
  g_autoptr(GError) error = NULL;

  switch (byte (p) % 4)
    {
    case 0:
      checked (klynge_member_set_name (member, next_text (p), &error), &error, "member_set_name");
      break;
    case 1:
      klynge_member_set_kind (member, byte (p) % (KLYNGE_MEMBER_KIND_OTHER + 1));
      break;
    case 2:
      klynge_member_set_size (member, byte (p) % (KLYNGE_MEMBER_SIZE_LARGE + 1));
      break;
    default:
      checked (klynge_member_set_cvr (member, byte (p) % 4 ? next_text (p) : NULL, &error), &error,
               "member_set_cvr");
      break;
    }
}

static void
set_funding_source (Program             *p,
                    KlyngeFundingSource *source)
{
  g_autoptr(GError) error = NULL;

  switch (byte (p) % 3)
    {
    case 0:
      checked (klynge_funding_source_set_name (source, next_text (p), &error), &error,
               "funding_source_set_name");
      break;
    case 1:
      klynge_funding_source_set_kind (source, byte (p) % (KLYNGE_FUNDING_SOURCE_KIND_MEMBERSHIP_FEES + 1));
      break;
    default:
      checked (klynge_funding_source_set_parent (source, byte (p) % 4 ? next_id (p) : NULL, &error), &error,
               "funding_source_set_parent");
      break;
    }
}

static void
set_contract (Program        *p,
              KlyngeContract *contract)
{
  g_autoptr(GError) error = NULL;
  KlyngePeriod period;

  switch (byte (p) % 7)
    {
    case 0:
      checked (klynge_contract_set_holder (contract, next_id (p), &error), &error, "contract_set_holder");
      break;
    case 1:
      next_period (p, &period);
      checked (klynge_contract_set_period (contract, &period, &error), &error, "contract_set_period");
      break;
    case 2:
      checked (klynge_contract_set_amount (contract, next_amount (p), &error), &error, "contract_set_amount");
      break;
    case 3:
      checked (klynge_contract_set_renews (contract, byte (p) % 4 ? next_id (p) : NULL, &error), &error,
               "contract_set_renews");
      break;
    case 6:
      checked (klynge_contract_set_programme (contract, byte (p) % 4 ? next_id (p) : NULL, &error), &error,
               "contract_set_programme");
      break;
    case 4:
      {
        const char *source = next_id (p);
        guint basis_points = byte (p) % 2 ? u16 (p) : 10000 / (1 + byte (p) % 4);
        g_autoptr(KlyngeShare) share = klynge_share_new (source, basis_points, &error);

        if (checked (share != NULL, &error, "share_new"))
          checked (klynge_contract_add_share (contract, share, &error), &error, "contract_add_share");
      }
      break;
    case 5:
      klynge_contract_clear_shares (contract);
      break;
    }
}

static void
set_merger (Program      *p,
            KlyngeMerger *merger)
{
  g_autoptr(GError) error = NULL;
  KlyngeDate date;

  switch (byte (p) % 6)
    {
    case 0:
      klynge_merger_set_kind (merger, byte (p) % (KLYNGE_MERGER_KIND_RENAME + 1));
      break;
    case 1:
      klynge_merger_set_status (merger, byte (p) % (KLYNGE_MERGER_STATUS_CANCELLED + 1));
      break;
    case 2:
      checked (klynge_merger_set_successor (merger, next_id (p), &error), &error, "merger_set_successor");
      break;
    case 3:
      next_date (p, &date);
      checked (klynge_merger_set_effective (merger, &date, &error), &error, "merger_set_effective");
      break;
    case 4:
      checked (klynge_merger_add_predecessor (merger, next_id (p), &error), &error, "merger_add_predecessor");
      break;
    default:
      klynge_merger_clear_predecessors (merger);
      break;
    }
}

static void
set_initiative (Program          *p,
                KlyngeInitiative *initiative)
{
  g_autoptr(GError) error = NULL;
  KlyngeDate start, end;

  switch (byte (p) % 8)
    {
    case 0:
      checked (klynge_initiative_set_title (initiative, next_text (p), &error), &error, "initiative_set_title");
      break;
    case 1:
      klynge_initiative_set_kind (initiative, byte (p) % (KLYNGE_INITIATIVE_KIND_PROGRAMME + 1));
      break;
    case 2:
      klynge_initiative_set_theme (initiative, byte (p) % (KLYNGE_INITIATIVE_THEME_BRANDING + 1));
      break;
    case 3:
      checked (klynge_initiative_set_host (initiative, next_id (p), &error), &error, "initiative_set_host");
      break;
    case 4:
      {
        gboolean with_start, with_end;

        next_date (p, &start);
        next_date (p, &end);
        with_start = byte (p) % 4 != 0;
        with_end = byte (p) % 4 != 0;
        checked (klynge_initiative_set_dates (initiative, with_start ? &start : NULL,
                                              with_end ? &end : NULL, &error),
                 &error, "initiative_set_dates");
      }
      break;
    case 5:
      checked (klynge_initiative_set_replaces (initiative, byte (p) % 4 ? next_id (p) : NULL, &error), &error,
               "initiative_set_replaces");
      break;
    case 6:
      checked (klynge_initiative_add_participant (initiative, next_id (p), &error), &error,
               "initiative_add_participant");
      break;
    default:
      switch (byte (p) % 4)
        {
        case 0: klynge_initiative_clear_participants (initiative); break;
        case 1:
          checked (klynge_initiative_add_member_participant (initiative, next_id (p), &error), &error,
                   "initiative_add_member_participant");
          break;
        case 2:
          /* small counts, so that some are below the participants listed */
          checked (klynge_initiative_set_participants_count (initiative, byte (p) % 8, &error), &error,
                   "initiative_set_participants_count");
          break;
        default: klynge_initiative_unset_participants_count (initiative); break;
        }
      break;
    }
}

static void
set_programme (Program         *p,
               KlyngeProgramme *programme)
{
  g_autoptr(GError) error = NULL;
  KlyngeDate start, end;
  KlyngePeriod period;

  switch (byte (p) % 7)
    {
    case 0:
      checked (klynge_programme_set_name (programme, next_text (p), &error), &error, "programme_set_name");
      break;
    case 1:
      klynge_programme_set_kind (programme, byte (p) % (KLYNGE_PROGRAMME_KIND_OTHER + 1));
      break;
    case 2:
      {
        gboolean with_start = byte (p) % 2, with_end = byte (p) % 2;

        next_date (p, &start);
        next_date (p, &end);
        checked (klynge_programme_set_dates (programme, with_start ? &start : NULL,
                                             with_end ? &end : NULL, &error),
                 &error, "programme_set_dates");
      }
      break;
    case 3:
      {
        const char *source = next_id (p);
        gint64 amount;
        g_autoptr(KlyngeEnvelope) envelope = NULL;

        next_period (p, &period);
        amount = next_amount (p);
        envelope = klynge_envelope_new (source, &period, amount, &error);
        if (checked (envelope != NULL, &error, "envelope_new"))
          checked (klynge_programme_add_envelope (programme, envelope, &error), &error,
                   "programme_add_envelope");
      }
      break;
    case 4:
      {
        const char *organisation = next_id (p);
        KlyngeDesignationRole role = byte (p) % (KLYNGE_DESIGNATION_ROLE_OTHER + 1);
        const char *area = byte (p) % 2 ? next_text (p) : NULL;
        g_autoptr(KlyngeDesignation) designation = NULL;

        next_date (p, &start);
        next_date (p, &end);
        designation = klynge_designation_new (organisation, role, area, &start,
                                              byte (p) % 2 ? &end : NULL, &error);
        if (checked (designation != NULL, &error, "designation_new"))
          checked (klynge_programme_add_designation (programme, designation, &error), &error,
                   "programme_add_designation");
      }
      break;
    case 5:
      klynge_programme_clear_envelopes (programme);
      break;
    default:
      klynge_programme_clear_designations (programme);
      break;
    }
}

/* A setter on @record, whatever its kind. */
static void
set_record (Program      *p,
            KlyngeRecord *record)
{
  if (KLYNGE_IS_ORGANISATION (record))
    set_organisation (p, KLYNGE_ORGANISATION (record));
  else if (KLYNGE_IS_MEMBER (record))
    set_member (p, KLYNGE_MEMBER (record));
  else if (KLYNGE_IS_FUNDING_SOURCE (record))
    set_funding_source (p, KLYNGE_FUNDING_SOURCE (record));
  else if (KLYNGE_IS_CONTRACT (record))
    set_contract (p, KLYNGE_CONTRACT (record));
  else if (KLYNGE_IS_MERGER (record))
    set_merger (p, KLYNGE_MERGER (record));
  else if (KLYNGE_IS_INITIATIVE (record))
    set_initiative (p, KLYNGE_INITIATIVE (record));
  else if (KLYNGE_IS_PROGRAMME (record))
    set_programme (p, KLYNGE_PROGRAMME (record));
}

/* A new record of any kind, set up by a few setters, then added. */
static void
op_new_record (Program *p)
{
  g_autoptr(KlyngeRecord) record = NULL;
  guint kind = byte (p) % 7;
  const char *id = next_valid_id (p);
  const char *name = next_text (p);
  guint n_setters;

  if (id == NULL || *name == '\0' || !klynge_text_is_valid (name, -1))
    return;   /* constructors require these (g_return_val_if_fail) */

  switch (kind)
    {
    case 0:
      record = (KlyngeRecord *) klynge_organisation_new (id, byte (p) % (KLYNGE_ORGANISATION_KIND_OTHER + 1), name);
      break;
    case 1:
      record = (KlyngeRecord *) klynge_member_new (id, byte (p) % (KLYNGE_MEMBER_KIND_OTHER + 1), name);
      break;
    case 2:
      record = (KlyngeRecord *) klynge_funding_source_new (id, byte (p) % (KLYNGE_FUNDING_SOURCE_KIND_MEMBERSHIP_FEES + 1),
                                                           name);
      break;
    case 3:
      {
        const char *holder = next_valid_id (p);
        KlyngePeriod period;
        gint64 amount = next_amount (p);

        next_period (p, &period);
        if (holder == NULL || amount < 0 || !klynge_date_is_set (&period.start))
          return;
        record = (KlyngeRecord *) klynge_contract_new (id, holder, &period, amount);
      }
      break;
    case 4:
      {
        const char *successor = next_valid_id (p);
        KlyngeDate effective;

        next_date (p, &effective);
        if (successor == NULL || !klynge_date_is_set (&effective))
          return;
        record = (KlyngeRecord *) klynge_merger_new (id, byte (p) % (KLYNGE_MERGER_KIND_RENAME + 1),
                                                     successor, &effective);
      }
      break;
    case 6:
      record = (KlyngeRecord *) klynge_programme_new (id, byte (p) % (KLYNGE_PROGRAMME_KIND_OTHER + 1), name);
      break;
    default:
      {
        const char *host = next_valid_id (p);
        guint initiative_kind = byte (p) % (KLYNGE_INITIATIVE_KIND_PROGRAMME + 1);

        if (host == NULL)
          return;
        record = (KlyngeRecord *) klynge_initiative_new (id, initiative_kind,
                                                         byte (p) % (KLYNGE_INITIATIVE_THEME_BRANDING + 1),
                                                         host, name);
      }
      break;
    }
  if (record == NULL)
    FAIL ("a constructor returned NULL for valid arguments");

  n_setters = byte (p) % 8;
  for (guint i = 0; i < n_setters && !at_end (p); i++)
    set_record (p, record);
  add_record (p, record);
}

/* A setter on a record the landscape holds. */
static void
op_set_existing (Program *p)
{
  const char *id = next_id (p);
  KlyngeRecord *record = klynge_landscape_lookup (p->landscape, id);

  if (record != NULL)
    set_record (p, record);
}

static void
op_membership (Program *p)
{
  g_autoptr(GError) error = NULL;
  const char *organisation = next_id (p);
  const char *member = next_id (p);
  KlyngeDate since, until;
  guint8 since_byte, until_byte;
  gboolean remove, with_since, with_until;
  KlyngeMembershipRole role;
  KlyngeMembershipEnd end;

  next_date (p, &since);
  next_date (p, &until);
  /* operands in order, as in next_date(); the role and the end reason
   * come from the upper bits of the same bytes, so that the corpus reads
   * as before (an end reason without an until date is refused, a role
   * of 3 is no role: both are tried) */
  remove = byte (p) % 4 == 0;
  since_byte = byte (p);
  until_byte = byte (p);
  with_since = since_byte % 4 != 0;
  with_until = until_byte % 4 != 0;
  role = (KlyngeMembershipRole) ((since_byte >> 2) % 3);
  end = (KlyngeMembershipEnd) ((until_byte >> 2) % 5);
  if (remove)
    checked (klynge_landscape_remove_membership (p->landscape, organisation, member,
                                                 with_since ? &since : NULL, &error),
             &error, "remove_membership");
  else
    checked (klynge_landscape_add_membership_full (p->landscape, organisation, member,
                                                   with_since ? &since : NULL,
                                                   with_until ? &until : NULL, role, end, &error),
             &error, "add_membership_full");
}

static void
op_remove (Program *p)
{
  g_autoptr(GError) error = NULL;

  checked (klynge_landscape_remove (p->landscape, next_id (p), &error), &error, "landscape_remove");
}

/* Checks and applies a merger: one the landscape holds, or a new one. */
static void
op_merger (Program *p)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeMerger) merger = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  KlyngeRecord *record = klynge_landscape_lookup (p->landscape, next_id (p));

  if (record != NULL && KLYNGE_IS_MERGER (record))
    merger = g_object_ref (KLYNGE_MERGER (record));
  else
    {
      const char *id = next_valid_id (p);
      const char *successor = next_valid_id (p);
      KlyngeDate effective;
      guint n = byte (p) % 4;

      next_date (p, &effective);
      if (id == NULL || successor == NULL || !klynge_date_is_set (&effective))
        return;
      merger = klynge_merger_new (id, byte (p) % (KLYNGE_MERGER_KIND_RENAME + 1), successor, &effective);
      for (guint i = 0; i < n; i++)
        checked (klynge_merger_add_predecessor (merger, next_id (p), &error), &error, "merger_add_predecessor");
    }
  problems = klynge_landscape_check_merger (p->landscape, merger);
  check_problems (problems, "check_merger");
  if (byte (p) % 2)
    checked (klynge_landscape_apply_merger (p->landscape, merger, &error), &error, "apply_merger");
}

/* Queries about time and lineage. */
static void
op_history (Program *p)
{
  const char *id = next_id (p);
  KlyngeRecord *record = klynge_landscape_lookup (p->landscape, id);
  gboolean organisation = record != NULL && KLYNGE_IS_ORGANISATION (record);
  KlyngeDate date;
  g_autoptr(GPtrArray) ancestors = NULL;
  g_autoptr(GPtrArray) descendants = NULL;
  g_autofree char *dot = NULL;

  next_date (p, &date);
  ancestors = klynge_landscape_list_ancestors (p->landscape, id);
  descendants = klynge_landscape_list_descendants (p->landscape, id);
  /* NULL exactly when @id is not an organisation (documented) */
  if ((ancestors == NULL) != !organisation || (descendants == NULL) != !organisation)
    FAIL ("lineage of “%s” gave %s", id, organisation ? "no array" : "an array");
  dot = klynge_landscape_lineage_to_dot (p->landscape, byte (p) % 2 ? id : NULL);
  if (dot != NULL && !g_utf8_validate (dot, -1, NULL))
    FAIL ("the DOT lineage is not UTF-8");

  if (klynge_date_is_set (&date))
    {
      g_autoptr(KlyngeLandscapeView) view = klynge_landscape_view_new (p->landscape, &date);
      g_autoptr(GPtrArray) organisations = klynge_landscape_view_list_organisations (view, NULL);
      g_autoptr(GPtrArray) members = klynge_landscape_view_list_members_of (view, id);
      g_autoptr(GPtrArray) active = klynge_landscape_contracts_active_on (p->landscape, &date);
      const char *merged_into = NULL;

      (void) klynge_landscape_view_count_organisations (view);
      (void) klynge_landscape_view_count_members_of (view, id);
      (void) klynge_landscape_view_is_active (view, id);
      (void) klynge_landscape_view_resolve (view, id);
      (void) klynge_landscape_resolve_on (p->landscape, id, &date);
      if (organisation)
        {
          (void) klynge_landscape_view_get_status (view, id, &merged_into);
          (void) klynge_landscape_get_status (p->landscape, id, &date, &merged_into);
        }
    }
}

/* The overlaps on a date, of every role and of members alone: each row's
 * figures agree with its certainty. */
static void
check_overlaps_on (KlyngeLandscape  *landscape,
                   const KlyngeDate *date)
{
  g_autoptr(GPtrArray) overlaps = klynge_landscape_member_overlaps_on (landscape, date, 1);
  g_autoptr(GPtrArray) of_members =
    klynge_landscape_member_overlaps_full (landscape, date, 1,
                                           KLYNGE_MEMBERSHIP_ROLE_BIT (KLYNGE_MEMBERSHIP_ROLE_MEMBER));

  if (of_members->len > overlaps->len)
    FAIL ("more pairs share members (%u) than share anyone (%u)", of_members->len, overlaps->len);
  g_ptr_array_extend_and_steal (overlaps, g_steal_pointer (&of_members));
  for (guint i = 0; i < overlaps->len; i++)
    {
      KlyngeOverlap *overlap = g_ptr_array_index (overlaps, i);
      KlyngeCount shared, together;
      double jaccard;

      klynge_overlap_get_shared_count (overlap, &shared);
      klynge_overlap_get_union_count (overlap, &together);
      if (shared.value == 0 || shared.value > together.value)
        FAIL ("an overlap on a date shares %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT,
              shared.value, together.value);
      if (klynge_overlap_get_exact_jaccard (overlap, &jaccard) != klynge_overlap_is_exact (overlap)
          || klynge_count_is_exact (&shared) != klynge_overlap_is_exact (overlap))
        FAIL ("an overlap's certainty disagrees with itself");
    }
}

/* A report's counts with certainty agree with their known parts. */
static void
check_member_counts (KlyngeDueDiligence  *report,
                     const char * const  *ids)
{
  KlyngeCount count;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      klynge_due_diligence_get_member_count (report, ids[i], &count);
      if (count.value != klynge_due_diligence_count_members_of (report, ids[i])
          || (count.certainty == KLYNGE_COUNT_CERTAINTY_UNKNOWN && count.value != 0))
        FAIL ("the member count of %s disagrees with its known part", ids[i]);
    }
  klynge_due_diligence_get_combined_member_count (report, &count);
  if (count.value != klynge_due_diligence_count_combined_members (report)
      || klynge_count_is_exact (&count) != klynge_due_diligence_is_exact (report))
    FAIL ("the combined member count disagrees with its known part");
}

/* Queries about members, organisations and contracts. */
static void
op_queries (Program *p)
{
  const char *a = next_id (p);
  const char *b = next_id (p);
  g_autoptr(KlyngeFilter) filter = klynge_filter_new ();
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) overlaps = NULL;
  g_autoptr(GPtrArray) referrers = NULL;
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GPtrArray) chain_problems = NULL;
  g_autoptr(GPtrArray) members = NULL;
  KlyngeDate date;

  klynge_filter_set_kind (filter, byte (p) % (KLYNGE_ORGANISATION_KIND_OTHER + 1));
  if (byte (p) % 2)
    klynge_filter_set_focus_area (filter, next_text (p));
  if (byte (p) % 2)
    klynge_filter_set_city (filter, next_text (p));
  next_date (p, &date);
  if (klynge_date_is_set (&date))
    klynge_filter_set_active_on (filter, &date);
  organisations = klynge_landscape_list_organisations (p->landscape, byte (p) % 2 ? filter : NULL);
  overlaps = klynge_landscape_member_overlaps (p->landscape, byte (p) % 3);
  check_overlaps_on (p->landscape, klynge_date_is_set (&date) ? &date : NULL);
  (void) klynge_landscape_count_shared_members (p->landscape, a, b);
  referrers = klynge_landscape_list_referrers (p->landscape, a);
  chain = klynge_landscape_contract_chain (p->landscape, a);
  chain_problems = klynge_landscape_check_contract_chains (p->landscape, byte (p) % 2 ? b : NULL);
  check_problems (chain_problems, "check_contract_chains");
  members = klynge_landscape_list_members_of (p->landscape, a, klynge_date_is_set (&date) ? &date : NULL);
  if (organisations == NULL || overlaps == NULL || referrers == NULL)
    FAIL ("a query gave no array");
}

static void
op_due_diligence (Program *p)
{
  g_autoptr(GError) error = NULL;
  const char *ids[5] = { NULL, };
  guint n = byte (p) % 5;
  KlyngeDate date;
  g_autoptr(KlyngeDueDiligence) report = NULL;

  for (guint i = 0; i < n; i++)
    ids[i] = next_id (p);
  next_date (p, &date);
  if (!klynge_date_is_set (&date))
    klynge_date_init (&date, 2024, 7, 1);   /* not today: inputs must replay alike */
  report = klynge_landscape_due_diligence (p->landscape, ids, &date, &error);
  if (checked (report != NULL, &error, "due_diligence"))
    {
      g_autofree char *text = klynge_due_diligence_to_text (report);
      const char * const *sources = klynge_due_diligence_get_funding_sources (report);
      g_autoptr(GPtrArray) problems = klynge_due_diligence_get_problems (report);

      if (!g_utf8_validate (text, -1, NULL))
        FAIL ("the due-diligence text is not UTF-8");
      check_problems (problems, "due_diligence problems");
      check_member_counts (report, ids);
      if (klynge_due_diligence_get_funding_before (report, NULL) < 0
          || klynge_due_diligence_get_funding_after (report, NULL) < 0)
        FAIL ("due diligence reports a negative total");
      for (guint i = 0; sources[i] != NULL; i++)
        if (klynge_due_diligence_get_funding_before (report, sources[i]) < 0
            || klynge_due_diligence_get_funding_after (report, sources[i]) < 0)
          FAIL ("due diligence reports a negative amount for %s", sources[i]);
    }
}

/* The programme queries, over whatever the program built (they read no
 * bytes, so every seed replays as before): coverage rows are never
 * negative and agree with the envelope of each year, a ratio is given
 * exactly when there is an envelope, and designations without a filter
 * are every programme's. */
static void
check_programme_queries (KlyngeLandscape *landscape)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = klynge_landscape_coverage (landscape, NULL, &error);
  g_autoptr(GPtrArray) programmes = klynge_landscape_get_programmes (landscape);
  g_autoptr(GPtrArray) designations = klynge_landscape_designations (landscape, NULL);
  guint n_designations = 0;

  if (checked (rows != NULL, &error, "coverage"))
    for (guint i = 0; i < rows->len; i++)
      {
        KlyngeCoverage *row = g_ptr_array_index (rows, i);
        g_autofree char *ratio = klynge_coverage_format_ratio (row);
        gint64 envelope = klynge_coverage_get_envelope (row);

        if (envelope < 0 || klynge_coverage_get_recorded (row) < 0)
          FAIL ("coverage: a negative amount");
        if (klynge_landscape_envelope_in_year (landscape, NULL, klynge_coverage_get_source (row),
                                               klynge_coverage_get_year (row)) != envelope)
          FAIL ("coverage: the envelope differs from envelope_in_year");
        if ((ratio == NULL) != (envelope == 0) || (ratio != NULL && !g_utf8_validate (ratio, -1, NULL)))
          FAIL ("coverage: a ratio without an envelope, or none with one");
      }
  for (guint i = 0; i < programmes->len; i++)
    {
      KlyngeProgramme *programme = g_ptr_array_index (programmes, i);
      g_autoptr(GPtrArray) of_one = klynge_landscape_coverage (landscape,
                                                               klynge_record_get_id (KLYNGE_RECORD (programme)),
                                                               &error);

      checked (of_one != NULL, &error, "coverage of a programme");
      n_designations += klynge_programme_get_designations (programme)->len;
    }
  if (designations->len != n_designations)
    FAIL ("designations: %u without a filter, %u in the programmes", designations->len, n_designations);
}

/* Funding queries: the checked and unchecked forms agree, and no figure
 * is negative. */
static void
op_funding (Program *p)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) unchecked = NULL;
  KlyngeFundingGrouping grouping = byte (p) & (KLYNGE_FUNDING_BY_SOURCE | KLYNGE_FUNDING_BY_HOLDER |
                                                KLYNGE_FUNDING_BY_YEAR | KLYNGE_FUNDING_BY_KIND);
  KlyngePeriod within;
  const KlyngePeriod *w;
  const char *source = byte (p) % 3 ? next_id (p) : NULL;
  const char *holder = byte (p) % 3 ? next_id (p) : NULL;
  gint64 paid = 0;
  gboolean ok;

  next_period (p, &within);
  w = byte (p) % 2 ? &within : NULL;

  rows = klynge_landscape_funding_totals_checked (p->landscape, grouping, w, &error);
  unchecked = klynge_landscape_funding_totals (p->landscape, grouping, w);
  if (checked (rows != NULL, &error, "funding_totals_checked"))
    {
      if (unchecked == NULL || unchecked->len != rows->len)
        FAIL ("funding totals: the unchecked rows differ from the checked ones");
      for (guint i = 0; i < rows->len; i++)
        if (klynge_funding_total_get_amount (g_ptr_array_index (rows, i)) < 0)
          FAIL ("funding totals: a negative total");
    }
  else if (unchecked != NULL)
    FAIL ("funding totals: the unchecked query gave rows the checked one refused");

  ok = klynge_landscape_funding_paid_checked (p->landscape, source, holder, w, &paid, &error);
  if (checked (ok, &error, "funding_paid_checked"))
    {
      if (paid < 0)
        FAIL ("funding paid: a negative amount");
      if (klynge_landscape_funding_paid (p->landscape, source, holder, w) != paid)
        FAIL ("funding paid: the unchecked amount differs");
    }
  else if (klynge_landscape_funding_paid (p->landscape, source, holder, w) != -1)
    FAIL ("funding paid: the unchecked query did not give -1 where the checked one refused");

  check_programme_queries (p->landscape);
}

static void
op_exports (Program *p)
{
  g_autoptr(GError) error = NULL;
  const char * const *kinds = klynge_landscape_export_csv_kinds ();
  g_autoptr(GBytes) graphml = NULL;
  const char *kind;

  /* one kind named by the program (also ones that are not kinds) */
  kind = byte (p) % 4 ? kinds[byte (p) % g_strv_length ((char **) kinds)] : next_text (p);
  {
    g_autoptr(GBytes) csv = klynge_landscape_export_csv_bytes (p->landscape, kind, &error);

    checked (csv != NULL, &error, "export_csv_bytes");
  }
  graphml = klynge_landscape_export_graphml_bytes (p->landscape, &error);
  checked (graphml != NULL, &error, "export_graphml_bytes");
  {
    g_autoptr(GBytes) gexf = klynge_landscape_export_gexf_bytes (p->landscape, &error);

    checked (gexf != NULL, &error, "export_gexf_bytes");
  }
}

static void
op_validate (Program *p)
{
  g_autoptr(GPtrArray) problems = klynge_landscape_validate (p->landscape);

  check_problems (problems, "validate");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  Program p = { data, size, 0, NULL, ids, strings };

  if (!initialized)
    LLVMFuzzerInitialize (NULL, NULL);

  /* start empty, or from the built-in data */
  landscape = byte (&p) == 0xff ? klynge_landscape_new_default () : klynge_landscape_new ();
  p.landscape = landscape;

  for (guint n = 0; n < MAX_OPERATIONS && !at_end (&p); n++)
    {
      guint8 code = byte (&p);

      if (trace)
        fprintf (stderr, "op %u at %zu\n", code % 12u, p.pos - 1);
      switch (code % 12)
        {
        case 0: case 1: case 2: op_new_record (&p); break;
        case 3: op_set_existing (&p); break;
        case 4: op_membership (&p); break;
        case 5: op_remove (&p); break;
        case 6: op_merger (&p); break;
        case 7: op_history (&p); break;
        case 8: op_queries (&p); op_due_diligence (&p); break;
        case 9: op_funding (&p); break;
        case 10: op_exports (&p); op_validate (&p); break;
        default: check_round_trip (landscape); break;
        }
    }
  check_round_trip (landscape);
  return 0;
}
