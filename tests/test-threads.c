/* test-threads.c: many threads reading one landscape at once
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The thread contract (see KlyngeLandscape): any number of threads may
 * read a landscape at once; a writer has it to itself. Reads fill lazily
 * built state (the index by member, member objects), so each round below
 * first edits the landscape, which makes that state stale, and then lets
 * eight threads loose on it together. What they see is compared with what
 * one thread sees, computed without the lazy state or after the threads
 * are done. Before the index was built under a lock, two threads
 * rebuilding it freed the same arrays (issue 14).
 */
#include "klynge-test.h"

#define N_THREADS 8
#define N_MEMBERS 4000
#define N_ORGS 40
#define N_ROUNDS 8
/* memberships of members each thread lists, and members it looks up, per
 * round: enough for the threads to overlap, few enough for valgrind */
#define N_LISTED 200
#define N_LOOKED_UP 150

static void
describe_membership (GString                *out,
                     const KlyngeMembership *membership)
{
  g_autofree char *since = klynge_date_to_string (klynge_membership_get_since (membership));
  g_autofree char *until = klynge_date_to_string (klynge_membership_get_until (membership));

  g_string_append_printf (out, "%s %s..%s;", klynge_membership_get_organisation (membership),
                          since ? since : "", until ? until : "");
}

static char *
describe_memberships (GPtrArray *memberships)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < memberships->len; i++)
    describe_membership (out, g_ptr_array_index (memberships, i));
  return g_string_free (out, FALSE);
}

/* Every member's memberships as klynge_landscape_list_memberships_of_member()
 * must list them (by organisation in landscape order, then since), built
 * from the organisations' side so that the index by member stays stale. */
static void
free_string (gpointer text)
{
  g_string_free (text, TRUE);
}

static GHashTable *
expected_memberships (KlyngeLandscape *landscape)
{
  GHashTable *by_member = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_string);
  g_autoptr(GPtrArray) orgs = klynge_landscape_list (landscape, KLYNGE_TYPE_ORGANISATION);

  for (guint o = 0; o < orgs->len; o++)
    {
      const char *org = klynge_record_get_id (g_ptr_array_index (orgs, o));
      g_autoptr(GPtrArray) memberships = klynge_landscape_list_memberships_of_organisation (landscape, org);

      for (guint i = 0; i < memberships->len; i++)
        {
          KlyngeMembership *membership = g_ptr_array_index (memberships, i);
          const char *member = klynge_membership_get_member (membership);
          GString *text = g_hash_table_lookup (by_member, member);

          if (text == NULL)
            {
              text = g_string_new (NULL);
              g_hash_table_insert (by_member, g_strdup (member), text);
            }
          describe_membership (text, membership);
        }
    }
  return by_member;
}

typedef struct {
  KlyngeLandscape *landscape;
  GHashTable *expected;        /* member id → GString */
  GPtrArray *member_ids;       /* every member, in the order added */
  guint round;

  GMutex mutex;                /* the start line */
  GCond cond;
  gint go;                     /* atomic: ThreadSanitizer cannot see GMutex */

  gint failures;
} Round;

typedef struct {
  Round *round;
  guint thread;
  KlyngeMember *looked_up[N_LOOKED_UP];   /* what lookup gave, in order */
  guint n_members_of;
  guint n_overlaps;
  GBytes *members_csv;
} Reader;

static void
report (Round      *round,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_logv ("test-threads", G_LOG_LEVEL_MESSAGE, format, args);
  va_end (args);
  g_atomic_int_inc (&round->failures);
}

static gpointer
read_landscape (gpointer data)
{
  Reader *reader = data;
  Round *round = reader->round;
  guint n_ids = round->member_ids->len;
  /* each thread starts at its own place, so that they meet in the middle */
  guint start = reader->thread * (n_ids / N_THREADS);

  g_mutex_lock (&round->mutex);
  while (!g_atomic_int_get (&round->go))
    g_cond_wait (&round->cond, &round->mutex);
  g_mutex_unlock (&round->mutex);

  /* first thing: the stale index, all threads at once */
  for (guint k = 0; k < N_LISTED; k++)
    {
      const char *id = g_ptr_array_index (round->member_ids, (start + k * 7) % n_ids);
      g_autoptr(GPtrArray) memberships = klynge_landscape_list_memberships_of_member (round->landscape, id);
      GString *expected = g_hash_table_lookup (round->expected, id);
      g_autofree char *got = NULL;

      if (memberships == NULL)
        {
          report (round, "%s: no memberships listed", id);
          continue;
        }
      got = describe_memberships (memberships);
      if (g_strcmp0 (got, expected != NULL ? expected->str : "") != 0)
        report (round, "%s: listed %s, expected %s", id, got, expected != NULL ? expected->str : "");
    }

  /* members no one has looked up yet: every thread the same ones, in
   * its own order, so that they make their objects at the same time */
  for (guint k = 0; k < N_LOOKED_UP; k++)
    {
      guint j = (k + reader->thread * 19) % N_LOOKED_UP;
      guint m = j * N_ROUNDS + round->round;
      g_autofree char *id = g_strdup_printf ("m-%u", m);
      g_autofree char *name = g_strdup_printf ("Member %u", m);
      KlyngeRecord *record = klynge_landscape_lookup (round->landscape, id);

      if (!KLYNGE_IS_MEMBER (record))
        {
          report (round, "%s: lookup gave no member", id);
          continue;
        }
      if (g_strcmp0 (klynge_record_get_id (record), id) != 0
          || g_strcmp0 (klynge_member_get_name (KLYNGE_MEMBER (record)), name) != 0)
        report (round, "%s: lookup gave %s (%s)", id, klynge_record_get_id (record),
              klynge_member_get_name (KLYNGE_MEMBER (record)));
      reader->looked_up[j] = KLYNGE_MEMBER (record);
    }

  {
    g_autofree char *org = g_strdup_printf ("org-%u", reader->thread % N_ORGS);
    g_autoptr(GPtrArray) members = klynge_landscape_list_members_of (round->landscape, org, NULL);
    g_autoptr(GPtrArray) overlaps = klynge_landscape_member_overlaps (round->landscape, 1);
    g_autoptr(GError) error = NULL;

    reader->n_members_of = members != NULL ? members->len : G_MAXUINT;
    reader->n_overlaps = overlaps->len;
    reader->members_csv = klynge_landscape_export_csv_bytes (round->landscape, "member", &error);
    if (error != NULL)
      report (round, "member CSV: %s", error->message);
  }
  return NULL;
}

/* Edits that leave the index by member stale and add member slots the
 * member objects have no room for yet. */
static void
edit (KlyngeLandscape *landscape,
      GPtrArray       *member_ids,
      guint            round)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("new-%u", round);
  g_autoptr(KlyngeMember) member = klynge_member_new (id, KLYNGE_MEMBER_KIND_COMPANY, "New");

  for (guint m = round; m < N_MEMBERS; m += 97)
    {
      g_autofree char *old = g_strdup_printf ("m-%u", m);
      g_autofree char *org = g_strdup_printf ("org-%u", (4 - m % 4) % 4 + 4 * (round % 10));

      /* one membership goes, another comes */
      ck_assert_uint_ge (klynge_landscape_remove_membership (landscape, org, old, NULL, &error), 1);
      ck_assert_no_error (error);
      g_free (org);
      org = g_strdup_printf ("org-%u", (5 - m % 4) % 4 + 4 * (round % 10));
      klynge_test_add_membership (landscape, org, old, "2021-06", NULL);
    }

  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (member), &error));
  ck_assert_no_error (error);
  g_ptr_array_add (member_ids, g_strdup (id));
  for (guint o = round; o < N_ORGS; o += 5)
    {
      g_autofree char *org = g_strdup_printf ("org-%u", o);
      klynge_test_add_membership (landscape, org, id, "2022", NULL);
    }
}

START_TEST (test_landscape_concurrent_readers_see_what_one_reader_sees)
{
  /* member m is in organisation o when (m + o) % 4 == 0: ten
   * organisations each, 40 000 memberships */
  g_autoptr(GBytes) document = klynge_test_sparse_members_document (N_MEMBERS, N_ORGS, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_load_bytes (document, "threads.xml", NULL, &error);
  g_autoptr(GPtrArray) member_ids = g_ptr_array_new_with_free_func (g_free);

  ck_assert_no_error (error);
  for (guint m = 0; m < N_MEMBERS; m++)
    g_ptr_array_add (member_ids, g_strdup_printf ("m-%u", m));

  for (guint r = 0; r < N_ROUNDS; r++)
    {
      Round round = { landscape, NULL, member_ids, r, };
      Reader readers[N_THREADS] = { { 0, } };
      GThread *threads[N_THREADS];
      g_autoptr(GPtrArray) members_of = NULL;
      g_autoptr(GPtrArray) overlaps = NULL;
      g_autoptr(GBytes) members_csv = NULL;

      edit (landscape, member_ids, r);
      round.expected = expected_memberships (landscape);
      g_mutex_init (&round.mutex);
      g_cond_init (&round.cond);

      for (guint t = 0; t < N_THREADS; t++)
        {
          readers[t].round = &round;
          readers[t].thread = t;
          threads[t] = g_thread_new ("reader", read_landscape, &readers[t]);
        }
      g_mutex_lock (&round.mutex);
      g_atomic_int_set (&round.go, TRUE);
      g_cond_broadcast (&round.cond);
      g_mutex_unlock (&round.mutex);
      for (guint t = 0; t < N_THREADS; t++)
        g_thread_join (threads[t]);

      ck_assert_int_eq (g_atomic_int_get (&round.failures), 0);

      /* one reader, after the others: the same answers */
      members_of = klynge_landscape_list_members_of (landscape, "org-0", NULL);
      overlaps = klynge_landscape_member_overlaps (landscape, 1);
      members_csv = klynge_landscape_export_csv_bytes (landscape, "member", &error);
      ck_assert_no_error (error);
      for (guint t = 0; t < N_THREADS; t++)
        {
          g_autofree char *org = g_strdup_printf ("org-%u", t % N_ORGS);
          g_autoptr(GPtrArray) expected = klynge_landscape_list_members_of (landscape, org, NULL);

          ck_assert_uint_eq (readers[t].n_members_of, expected->len);
          ck_assert_uint_eq (readers[t].n_overlaps, overlaps->len);
          ck_assert (g_bytes_equal (readers[t].members_csv, members_csv));
          g_bytes_unref (readers[t].members_csv);
          /* a member has one object, whichever thread made it */
          for (guint j = 0; j < N_LOOKED_UP; j++)
            ck_assert_ptr_eq (readers[t].looked_up[j], readers[0].looked_up[j]);
        }

      g_hash_table_unref (round.expected);
      g_mutex_clear (&round.mutex);
      g_cond_clear (&round.cond);
    }
}
END_TEST

START_TEST (test_landscape_member_object_made_by_a_reader_stays_after_more_members_are_added)
{
  g_autoptr(GBytes) document = klynge_test_members_document (3, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_load_bytes (document, "three.xml", NULL, &error);
  KlyngeRecord *first;

  ck_assert_no_error (error);
  /* the member objects' table is sized when a lookup makes the first
   * object, and replaced by a larger one as members are added: objects
   * made before must stay, and stay the ones handed out */
  first = klynge_landscape_lookup (landscape, "m-0");
  ck_assert_str_eq (klynge_member_get_name (KLYNGE_MEMBER (first)), "Member 0");
  for (guint m = 3; m < 3000; m++)
    {
      g_autofree char *id = g_strdup_printf ("m-%u", m);
      g_autoptr(KlyngeMember) member = klynge_member_new (id, KLYNGE_MEMBER_KIND_COMPANY, "Late");
      ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (member), &error));
    }
  ck_assert_no_error (error);
  ck_assert_ptr_eq (klynge_landscape_lookup (landscape, "m-0"), first);
  ck_assert_str_eq (klynge_member_get_name (KLYNGE_MEMBER (klynge_landscape_lookup (landscape, "m-2"))), "Member 2");
  ck_assert_str_eq (klynge_member_get_name (KLYNGE_MEMBER (klynge_landscape_lookup (landscape, "m-2999"))), "Late");
  ck_assert (klynge_landscape_remove_membership (landscape, "org-0", "m-0", NULL, &error));
  ck_assert (klynge_landscape_remove (landscape, "m-0", &error));
  ck_assert_no_error (error);
  ck_assert_ptr_null (klynge_landscape_lookup (landscape, "m-0"));
}
END_TEST

static Suite *
threads_suite (void)
{
  Suite *s = suite_create ("threads");
  TCase *tc = tcase_create ("readers");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_landscape_concurrent_readers_see_what_one_reader_sees);
  tcase_add_test (tc, test_landscape_member_object_made_by_a_reader_stays_after_more_members_are_added);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return klynge_test_run (threads_suite ());
}
