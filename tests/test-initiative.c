/* test-initiative.c: KlyngeInitiative
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "klynge-test.h"
#include "klynge-private.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

typedef struct {
  int value;
  const char *nick;
} NickCase;

/* Every value of @type has exactly the nick the format gives it, and the
 * nick leads back to the value. */
static void
assert_enum_nicks (GType           type,
                   const NickCase *cases,
                   guint           n_cases)
{
  GEnumClass *klass = g_type_class_ref (type);

  ck_assert_uint_eq (klass->n_values, n_cases);
  for (guint i = 0; i < n_cases; i++)
    {
      int value = -1;

      ck_assert_str_eq (_klynge_enum_to_nick (type, cases[i].value), cases[i].nick);
      ck_assert (_klynge_enum_from_nick (type, cases[i].nick, &value));
      ck_assert_int_eq (value, cases[i].value);
    }
  g_type_class_unref (klass);
}

static KlyngeInitiative *
new_summit (void)
{
  return klynge_initiative_new ("dcs-2020", KLYNGE_INITIATIVE_KIND_EVENT,
                                KLYNGE_INITIATIVE_THEME_PROFESSIONALISATION,
                                "ced", "Danish Cluster Summit");
}

START_TEST (test_initiative_kind_nicks_round_trip)
{
  static const NickCase cases[] = {
    { KLYNGE_INITIATIVE_KIND_EVENT, "event" },
    { KLYNGE_INITIATIVE_KIND_NETWORK, "network" },
    { KLYNGE_INITIATIVE_KIND_SERVICE, "service" },
    { KLYNGE_INITIATIVE_KIND_CAMPAIGN, "campaign" },
    { KLYNGE_INITIATIVE_KIND_PROGRAMME, "programme" },
  };

  assert_enum_nicks (KLYNGE_TYPE_INITIATIVE_KIND, cases, G_N_ELEMENTS (cases));
}
END_TEST

START_TEST (test_initiative_theme_nicks_round_trip)
{
  static const NickCase cases[] = {
    { KLYNGE_INITIATIVE_THEME_CONSOLIDATION, "consolidation" },
    { KLYNGE_INITIATIVE_THEME_PROFESSIONALISATION, "professionalisation" },
    { KLYNGE_INITIATIVE_THEME_GLOBALISATION, "globalisation" },
    { KLYNGE_INITIATIVE_THEME_BRANDING, "branding" },
  };

  assert_enum_nicks (KLYNGE_TYPE_INITIATIVE_THEME, cases, G_N_ELEMENTS (cases));
}
END_TEST

START_TEST (test_initiative_new_has_no_dates_no_replaces_and_no_participants)
{
  g_autoptr(KlyngeInitiative) summit = new_summit ();
  const char * const *participants = klynge_initiative_get_participants (summit);

  ck_assert_str_eq (klynge_record_get_id (KLYNGE_RECORD (summit)), "dcs-2020");
  ck_assert_str_eq (klynge_record_get_kind_name (KLYNGE_RECORD (summit)), "initiative");
  ck_assert_int_eq (klynge_initiative_get_kind (summit), KLYNGE_INITIATIVE_KIND_EVENT);
  ck_assert_int_eq (klynge_initiative_get_theme (summit), KLYNGE_INITIATIVE_THEME_PROFESSIONALISATION);
  ck_assert_str_eq (klynge_initiative_get_host (summit), "ced");
  ck_assert_str_eq (klynge_initiative_get_title (summit), "Danish Cluster Summit");
  ck_assert_ptr_nonnull (klynge_initiative_get_start (summit));
  ck_assert (!klynge_date_is_set (klynge_initiative_get_start (summit)));
  ck_assert (!klynge_date_is_set (klynge_initiative_get_end (summit)));
  ck_assert_ptr_null (klynge_initiative_get_replaces (summit));
  ck_assert_ptr_nonnull (participants);
  ck_assert_ptr_null (participants[0]);
}
END_TEST

START_TEST (test_initiative_new_with_invalid_arguments_is_a_programmer_error)
{
  KlyngeInitiative *initiative = NULL;

  assert_critical (initiative = klynge_initiative_new ("", KLYNGE_INITIATIVE_KIND_EVENT,
                                                       KLYNGE_INITIATIVE_THEME_BRANDING, "ced", "T"));
  ck_assert_ptr_null (initiative);
  assert_critical (initiative = klynge_initiative_new ("i", (KlyngeInitiativeKind) 5,
                                                       KLYNGE_INITIATIVE_THEME_BRANDING, "ced", "T"));
  ck_assert_ptr_null (initiative);
  assert_critical (initiative = klynge_initiative_new ("i", KLYNGE_INITIATIVE_KIND_EVENT,
                                                       (KlyngeInitiativeTheme) 4, "ced", "T"));
  ck_assert_ptr_null (initiative);
  assert_critical (initiative = klynge_initiative_new ("i", KLYNGE_INITIATIVE_KIND_EVENT,
                                                       KLYNGE_INITIATIVE_THEME_BRANDING, "c e d", "T"));
  ck_assert_ptr_null (initiative);
  assert_critical (initiative = klynge_initiative_new ("i", KLYNGE_INITIATIVE_KIND_EVENT,
                                                       KLYNGE_INITIATIVE_THEME_BRANDING, "ced", ""));
  ck_assert_ptr_null (initiative);
}
END_TEST

START_TEST (test_initiative_properties_round_trip_and_notify_only_on_change)
{
  g_autoptr(KlyngeInitiative) summit = new_summit ();
  KlyngeDate start = { 2020, 0, 0 }, end = { 2020, 11, 30 };
  g_autofree char *title = NULL, *host = NULL, *replaces = NULL;
  g_autoptr(KlyngeDate) got_start = NULL;
  g_autoptr(KlyngeDate) got_end = NULL;
  KlyngeInitiativeKind kind;
  KlyngeInitiativeTheme theme;
  guint notified = 0;

  g_signal_connect (summit, "notify", G_CALLBACK (count_notify), &notified);

  g_object_set (summit,
                "title", "Klyngetopmødet",
                "kind", KLYNGE_INITIATIVE_KIND_PROGRAMME,
                "theme", KLYNGE_INITIATIVE_THEME_GLOBALISATION,
                "host", "ecd",
                "start", &start,
                "end", &end,
                "replaces", "innovation-camp",
                NULL);
  ck_assert_uint_eq (notified, 7);

  g_object_set (summit,
                "title", "Klyngetopmødet",
                "kind", KLYNGE_INITIATIVE_KIND_PROGRAMME,
                "theme", KLYNGE_INITIATIVE_THEME_GLOBALISATION,
                "host", "ecd",
                "start", &start,
                "end", &end,
                "replaces", "innovation-camp",
                NULL);
  ck_assert_uint_eq (notified, 7);

  g_object_get (summit,
                "title", &title,
                "kind", &kind,
                "theme", &theme,
                "host", &host,
                "start", &got_start,
                "end", &got_end,
                "replaces", &replaces,
                NULL);
  ck_assert_str_eq (title, "Klyngetopmødet");
  ck_assert_int_eq (kind, KLYNGE_INITIATIVE_KIND_PROGRAMME);
  ck_assert_int_eq (theme, KLYNGE_INITIATIVE_THEME_GLOBALISATION);
  ck_assert_str_eq (host, "ecd");
  ck_assert (klynge_date_equal (got_start, &start));
  ck_assert (klynge_date_equal (got_end, &end));
  ck_assert_str_eq (replaces, "innovation-camp");
}
END_TEST

static const struct {
  KlyngeDate start;
  KlyngeDate end;
  int code;     /* 0: accepted */
} date_pairs[] = {
  { { 2019, 0, 0 }, { 2019, 0, 0 }, 0 },               /* the whole of 2019 */
  { { 2019, 5, 0 }, { 2019, 0, 0 }, 0 },               /* 2019 ends on 31 December */
  { { 2019, 5, 15 }, { 2019, 5, 0 }, 0 },
  { { 2019, 5, 15 }, { 2019, 5, 15 }, 0 },
  { { 2019, 0, 0 }, { 0, 0, 0 }, 0 },                  /* open-ended */
  { { 0, 0, 0 }, { 2019, 0, 0 }, 0 },                  /* start not known */
  { { 2021, 0, 0 }, { 2020, 12, 31 }, KLYNGE_ERROR_BAD_PERIOD },
  { { 2019, 5, 15 }, { 2019, 5, 14 }, KLYNGE_ERROR_BAD_PERIOD },
  { { 2019, 6, 0 }, { 2019, 5, 0 }, KLYNGE_ERROR_BAD_PERIOD },
  { { 2019, 2, 29 }, { 2019, 0, 0 }, KLYNGE_ERROR_BAD_DATE },
  { { 2019, 0, 0 }, { 2019, 11, 31 }, KLYNGE_ERROR_BAD_DATE },
};

START_TEST (test_initiative_set_dates_rejects_end_before_start_and_keeps_both_dates)
{
  g_autoptr(KlyngeInitiative) summit = new_summit ();
  KlyngeDate old_start = { 2018, 0, 0 }, old_end = { 2030, 0, 0 };
  GError *error = NULL;
  guint notified = 0;

  ck_assert (klynge_initiative_set_dates (summit, &old_start, &old_end, NULL));
  g_signal_connect (summit, "notify", G_CALLBACK (count_notify), &notified);

  if (date_pairs[_i].code == 0)
    {
      ck_assert (klynge_initiative_set_dates (summit, &date_pairs[_i].start,
                                              &date_pairs[_i].end, &error));
      ck_assert_no_error (error);
      ck_assert (klynge_date_equal (klynge_initiative_get_start (summit), &date_pairs[_i].start));
      ck_assert (klynge_date_equal (klynge_initiative_get_end (summit), &date_pairs[_i].end));
      ck_assert_uint_eq (notified, 2);
    }
  else
    {
      ck_assert (!klynge_initiative_set_dates (summit, &date_pairs[_i].start,
                                               &date_pairs[_i].end, &error));
      ck_assert_klynge_error (error, date_pairs[_i].code);
      ck_assert (klynge_date_equal (klynge_initiative_get_start (summit), &old_start));
      ck_assert (klynge_date_equal (klynge_initiative_get_end (summit), &old_end));
      ck_assert_uint_eq (notified, 0);
    }
}
END_TEST

START_TEST (test_initiative_set_dates_with_null_clears_them)
{
  g_autoptr(KlyngeInitiative) summit = new_summit ();
  KlyngeDate start = { 2020, 0, 0 };

  ck_assert (klynge_initiative_set_dates (summit, &start, &start, NULL));
  ck_assert (klynge_initiative_set_dates (summit, NULL, NULL, NULL));
  ck_assert (!klynge_date_is_set (klynge_initiative_get_start (summit)));
  ck_assert (!klynge_date_is_set (klynge_initiative_get_end (summit)));
}
END_TEST

START_TEST (test_initiative_start_property_is_checked_against_the_end)
{
  g_autoptr(KlyngeInitiative) summit = new_summit ();
  KlyngeDate start = { 2019, 0, 0 }, end = { 2020, 0, 0 }, too_late = { 2021, 0, 0 };

  ck_assert (klynge_initiative_set_dates (summit, &start, &end, NULL));
  assert_critical (g_object_set (summit, "start", &too_late, NULL));
  ck_assert (klynge_date_equal (klynge_initiative_get_start (summit), &start));
}
END_TEST

typedef gboolean (*TextSetter) (KlyngeInitiative *self,
                                const char       *value,
                                GError          **error);

static const struct {
  TextSetter set;
  const char *value;
  int code;
} bad_texts[] = {
  { klynge_initiative_set_title, "", KLYNGE_ERROR_BAD_VALUE },
  { klynge_initiative_set_title, "Summit \xc3\x28", KLYNGE_ERROR_ENCODING },
  { klynge_initiative_set_title, "Summit\x0c", KLYNGE_ERROR_ENCODING },
  { klynge_initiative_set_host, "", KLYNGE_ERROR_BAD_ID },
  { klynge_initiative_set_host, "c.e.d:", KLYNGE_ERROR_BAD_ID },
  { klynge_initiative_set_replaces, "", KLYNGE_ERROR_BAD_ID },
  { klynge_initiative_set_replaces, "innovation camp", KLYNGE_ERROR_BAD_ID },
  { klynge_initiative_set_replaces, "dcs-2020", KLYNGE_ERROR_INCONSISTENT },   /* itself */
  { klynge_initiative_add_participant, "", KLYNGE_ERROR_BAD_ID },
  { klynge_initiative_add_participant, "0a", KLYNGE_ERROR_BAD_ID },
  { klynge_initiative_add_participant, "a", KLYNGE_ERROR_DUPLICATE_ID },
};

START_TEST (test_initiative_setters_reject_bad_values_and_change_nothing)
{
  g_autoptr(KlyngeInitiative) summit = new_summit ();
  const char * const *participants;
  GError *error = NULL;
  guint notified = 0;

  ck_assert (klynge_initiative_set_replaces (summit, "innovation-camp", NULL));
  ck_assert (klynge_initiative_add_participant (summit, "a", NULL));
  g_signal_connect (summit, "notify", G_CALLBACK (count_notify), &notified);

  ck_assert (!bad_texts[_i].set (summit, bad_texts[_i].value, &error));
  ck_assert_klynge_error (error, bad_texts[_i].code);

  ck_assert_str_eq (klynge_initiative_get_title (summit), "Danish Cluster Summit");
  ck_assert_str_eq (klynge_initiative_get_host (summit), "ced");
  ck_assert_str_eq (klynge_initiative_get_replaces (summit), "innovation-camp");
  participants = klynge_initiative_get_participants (summit);
  ck_assert_str_eq (participants[0], "a");
  ck_assert_ptr_null (participants[1]);
  ck_assert_uint_eq (notified, 0);
}
END_TEST

START_TEST (test_initiative_set_replaces_null_clears_it)
{
  g_autoptr(KlyngeInitiative) summit = new_summit ();
  GError *error = NULL;

  ck_assert (klynge_initiative_set_replaces (summit, "innovation-camp", &error));
  ck_assert (klynge_initiative_set_replaces (summit, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_ptr_null (klynge_initiative_get_replaces (summit));
}
END_TEST

START_TEST (test_initiative_participants_keep_insertion_order_and_stay_null_terminated)
{
  g_autoptr(KlyngeInitiative) summit = new_summit ();
  const char * const *participants;

  ck_assert (klynge_initiative_add_participant (summit, "b", NULL));
  ck_assert (klynge_initiative_add_participant (summit, "a", NULL));
  ck_assert (klynge_initiative_add_participant (summit, "c", NULL));

  participants = klynge_initiative_get_participants (summit);
  ck_assert_str_eq (participants[0], "b");
  ck_assert_str_eq (participants[1], "a");
  ck_assert_str_eq (participants[2], "c");
  ck_assert_ptr_null (participants[3]);

  klynge_initiative_clear_participants (summit);
  participants = klynge_initiative_get_participants (summit);
  ck_assert_ptr_nonnull (participants);
  ck_assert_ptr_null (participants[0]);
}
END_TEST

/* The reader gives each participant its <participant>'s line; one added
 * through the API has none, and clearing the participants clears their
 * lines. */
START_TEST (test_initiative_participant_lines_stay_in_step_with_the_participants)
{
  g_autoptr(KlyngeInitiative) summit = new_summit ();

  ck_assert (klynge_initiative_add_participant (summit, "b", NULL));
  _klynge_initiative_set_last_participant_line (summit, 14);
  ck_assert (klynge_initiative_add_participant (summit, "a", NULL));
  ck_assert (!klynge_initiative_add_participant (summit, "b", NULL));
  ck_assert (klynge_initiative_add_participant (summit, "c", NULL));
  _klynge_initiative_set_last_participant_line (summit, 16);
  ck_assert_uint_eq (_klynge_initiative_get_participant_line (summit, 0), 14);
  ck_assert_uint_eq (_klynge_initiative_get_participant_line (summit, 1), 0);
  ck_assert_uint_eq (_klynge_initiative_get_participant_line (summit, 2), 16);

  klynge_initiative_clear_participants (summit);
  ck_assert (klynge_initiative_add_participant (summit, "c", NULL));
  ck_assert_uint_eq (_klynge_initiative_get_participant_line (summit, 0), 0);
}
END_TEST

START_TEST (test_initiative_enum_setters_out_of_range_are_programmer_errors)
{
  g_autoptr(KlyngeInitiative) summit = new_summit ();

  assert_critical (klynge_initiative_set_kind (summit, (KlyngeInitiativeKind) 5));
  assert_critical (klynge_initiative_set_theme (summit, (KlyngeInitiativeTheme) 4));
  assert_critical (klynge_initiative_set_title (summit, NULL, NULL));
  ck_assert_int_eq (klynge_initiative_get_kind (summit), KLYNGE_INITIATIVE_KIND_EVENT);
  ck_assert_int_eq (klynge_initiative_get_theme (summit), KLYNGE_INITIATIVE_THEME_PROFESSIONALISATION);
}
END_TEST

/* --- participants: organisations and members, and a stated count ----- */

START_TEST (test_initiative_member_participants_are_told_apart_from_organisations)
{
  g_autoptr(KlyngeInitiative) summit = new_summit ();
  g_autoptr(GError) error = NULL;
  const char * const *participants;

  ck_assert (klynge_initiative_add_participant (summit, "ecd", &error));
  ck_assert (klynge_initiative_add_member_participant (summit, "m-1", &error));
  ck_assert_no_error (error);
  /* one list: a member cannot take part twice either, nor as both */
  ck_assert (!klynge_initiative_add_member_participant (summit, "ecd", &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
  ck_assert (!klynge_initiative_add_member_participant (summit, "not an id", &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_ID);

  participants = klynge_initiative_get_participants (summit);
  ck_assert_str_eq (participants[0], "ecd");
  ck_assert_str_eq (participants[1], "m-1");
  ck_assert_ptr_null (participants[2]);
  ck_assert (!klynge_initiative_participant_is_member (summit, 0));
  ck_assert (klynge_initiative_participant_is_member (summit, 1));
  assert_critical (klynge_initiative_participant_is_member (summit, 2));
}
END_TEST

START_TEST (test_initiative_needs_version_2_for_a_member_participant_or_a_stated_count)
{
  g_autoptr(KlyngeInitiative) summit = new_summit ();

  ck_assert (klynge_initiative_add_participant (summit, "ecd", NULL));
  ck_assert_uint_eq (_klynge_record_get_format_version (KLYNGE_RECORD (summit)), 1);
  ck_assert (klynge_initiative_add_member_participant (summit, "m-1", NULL));
  ck_assert_uint_eq (_klynge_record_get_format_version (KLYNGE_RECORD (summit)), 2);
  klynge_initiative_clear_participants (summit);
  ck_assert_uint_eq (_klynge_record_get_format_version (KLYNGE_RECORD (summit)), 1);
  ck_assert (klynge_initiative_set_participants_count (summit, 0, NULL));
  ck_assert_uint_eq (_klynge_record_get_format_version (KLYNGE_RECORD (summit)), 2);
  klynge_initiative_unset_participants_count (summit);
  ck_assert_uint_eq (_klynge_record_get_format_version (KLYNGE_RECORD (summit)), 1);
}
END_TEST

START_TEST (test_initiative_participants_count_is_set_unset_and_notified_once_per_change)
{
  g_autoptr(KlyngeInitiative) summit = new_summit ();
  g_autoptr(GError) error = NULL;
  guint notified = 0;
  gint64 through_property = 0;

  g_signal_connect (summit, "notify::participants-count", G_CALLBACK (count_notify), &notified);
  ck_assert_int_eq (klynge_initiative_get_participants_count (summit), -1);
  ck_assert (klynge_initiative_set_participants_count (summit, 350, &error));
  ck_assert (klynge_initiative_set_participants_count (summit, 350, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (klynge_initiative_get_participants_count (summit), 350);
  ck_assert_uint_eq (notified, 1);

  g_object_get (summit, "participants-count", &through_property, NULL);
  ck_assert_int_eq (through_property, 350);
  g_object_set (summit, "participants-count", (gint64) -1, NULL);
  ck_assert_int_eq (klynge_initiative_get_participants_count (summit), -1);
  klynge_initiative_unset_participants_count (summit);
  ck_assert_uint_eq (notified, 2);

  ck_assert (klynge_initiative_set_participants_count (summit, KLYNGE_INITIATIVE_PARTICIPANTS_COUNT_MAX, &error));
  ck_assert (!klynge_initiative_set_participants_count (summit, (guint64) KLYNGE_INITIATIVE_PARTICIPANTS_COUNT_MAX + 1,
                                                        &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_VALUE);
  ck_assert_int_eq (klynge_initiative_get_participants_count (summit), KLYNGE_INITIATIVE_PARTICIPANTS_COUNT_MAX);
}
END_TEST

/* What is known of how many took part. */
static const struct {
  gint64 stated;                /* -1: none */
  guint listed;
  guint64 value;
  KlyngeCountCertainty certainty;
  const char *text;
} participant_counts[] = {
  { -1, 0, 0, KLYNGE_COUNT_CERTAINTY_UNKNOWN, "not known" },
  { -1, 2, 2, KLYNGE_COUNT_CERTAINTY_AT_LEAST, "at least 2" },
  { 0, 0, 0, KLYNGE_COUNT_CERTAINTY_EXACT, "0" },
  { 120, 2, 120, KLYNGE_COUNT_CERTAINTY_EXACT, "120" },
  { 2, 2, 2, KLYNGE_COUNT_CERTAINTY_EXACT, "2" },
};

START_TEST (test_initiative_count_is_exact_when_stated_and_at_least_the_listed_otherwise)
{
  g_autoptr(KlyngeInitiative) summit = new_summit ();
  g_autofree char *text = NULL;
  KlyngeCount count;

  if (participant_counts[_i].stated >= 0)
    ck_assert (klynge_initiative_set_participants_count (summit, (guint64) participant_counts[_i].stated, NULL));
  for (guint i = 0; i < participant_counts[_i].listed; i++)
    {
      g_autofree char *id = g_strdup_printf ("m-%u", i);
      ck_assert (klynge_initiative_add_member_participant (summit, id, NULL));
    }
  klynge_initiative_count_participants (summit, &count);
  text = klynge_count_format (&count);
  ck_assert_uint_eq (count.value, participant_counts[_i].value);
  ck_assert_int_eq (count.certainty, participant_counts[_i].certainty);
  ck_assert_str_eq (text, participant_counts[_i].text);
}
END_TEST

/* Applying a merger: a predecessor's place goes to the successor, which
 * keeps the earlier place when it already takes part. */
static const struct {
  const char *before;
  const char *old;
  const char *after;
} replacements[] = {
  { "a x", "a", "ab x" },
  { "x a", "a", "x ab" },
  { "a x ab", "a", "ab x" },
  { "ab x a", "a", "ab x" },
  { "x", "a", "x" },
  { "M:a x", "a", "M:a x" },       /* a member with that id is no predecessor */
};

static char *
participants_text (KlyngeInitiative *initiative)
{
  const char * const *participants = klynge_initiative_get_participants (initiative);
  GString *text = g_string_new (NULL);

  for (guint i = 0; participants[i] != NULL; i++)
    g_string_append_printf (text, "%s%s%s", i > 0 ? " " : "",
                            klynge_initiative_participant_is_member (initiative, i) ? "M:" : "",
                            participants[i]);
  return g_string_free (text, FALSE);
}

START_TEST (test_initiative_replacing_a_participant_keeps_one_place_for_the_successor)
{
  g_autoptr(KlyngeInitiative) summit = new_summit ();
  g_auto(GStrv) before = g_strsplit (replacements[_i].before, " ", -1);
  g_autofree char *after = NULL;

  for (guint i = 0; before[i] != NULL; i++)
    ck_assert (g_str_has_prefix (before[i], "M:")
               ? klynge_initiative_add_member_participant (summit, before[i] + 2, NULL)
               : klynge_initiative_add_participant (summit, before[i], NULL));
  _klynge_initiative_replace_participant (summit, replacements[_i].old, "ab");
  after = participants_text (summit);
  ck_assert_str_eq (after, replacements[_i].after);
}
END_TEST

static KlyngeLandscape *
load_participants_fixture (void)
{
  g_autofree char *path = klynge_test_path ("tests/data/valid/initiative-participants.xml");
  g_autoptr(GError) error = NULL;
  KlyngeLandscape *landscape = klynge_landscape_load_file (path, &error);

  ck_assert_no_error (error);
  return landscape;
}

static KlyngeInitiative *
initiative_of (KlyngeLandscape *landscape,
               const char      *id)
{
  return KLYNGE_INITIATIVE (klynge_landscape_lookup (landscape, id));
}

START_TEST (test_initiative_loads_member_participants_and_the_stated_count)
{
  g_autoptr(KlyngeLandscape) landscape = load_participants_fixture ();
  KlyngeInitiative *summit = initiative_of (landscape, "i-summit");
  KlyngeInitiative *network = initiative_of (landscape, "i-network");
  g_autofree char *summit_text = participants_text (summit);
  g_autofree char *network_text = participants_text (network);
  KlyngeCount count;

  ck_assert_str_eq (summit_text, "o-1 M:m-1 M:m-2");
  ck_assert_uint_eq (_klynge_initiative_get_participant_line (summit, 2), 25);
  ck_assert_int_eq (klynge_initiative_get_participants_count (summit), 120);
  ck_assert_str_eq (network_text, "M:m-2 o-host");
  klynge_initiative_count_participants (network, &count);
  ck_assert_int_eq (count.certainty, KLYNGE_COUNT_CERTAINTY_AT_LEAST);
  ck_assert_int_eq (klynge_initiative_get_participants_count (initiative_of (landscape, "i-camp")), 0);
}
END_TEST

/* Validation names the participant's kind by what it was added as. */
static const struct {
  gboolean as_member;
  const char *id;
  KlyngeError code;
} bad_participants[] = {
  { TRUE, "m-9", KLYNGE_ERROR_UNRESOLVED_REFERENCE },
  { FALSE, "m-9", KLYNGE_ERROR_UNRESOLVED_REFERENCE },
  { TRUE, "o-1", KLYNGE_ERROR_WRONG_REFERENCE_KIND },
  { FALSE, "m-1", KLYNGE_ERROR_WRONG_REFERENCE_KIND },
  { TRUE, "i-camp", KLYNGE_ERROR_WRONG_REFERENCE_KIND },
};

START_TEST (test_initiative_validate_refuses_a_participant_of_the_wrong_kind_or_none)
{
  g_autoptr(KlyngeLandscape) landscape = load_participants_fixture ();
  KlyngeInitiative *camp = initiative_of (landscape, "i-camp");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  klynge_initiative_unset_participants_count (camp);
  ck_assert (bad_participants[_i].as_member
             ? klynge_initiative_add_member_participant (camp, bad_participants[_i].id, &error)
             : klynge_initiative_add_participant (camp, bad_participants[_i].id, &error));
  problems = klynge_landscape_validate (landscape);
  text = klynge_test_problems_text (problems);
  ck_assert_msg (problems->len == 1, "problems:%s", text);
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 0)), bad_participants[_i].code);
  ck_assert_str_eq (klynge_problem_get_record_id (g_ptr_array_index (problems, 0)), "i-camp");

  /* nor would it load again */
  ck_assert_ptr_null (klynge_landscape_save_bytes (landscape, &error));
  ck_assert_klynge_error (error, (int) bad_participants[_i].code);
}
END_TEST

START_TEST (test_initiative_validate_finds_a_stated_count_below_the_listed_participants)
{
  g_autoptr(KlyngeLandscape) landscape = load_participants_fixture ();
  KlyngeInitiative *summit = initiative_of (landscape, "i-summit");
  g_autoptr(KlyngeInitiative) copy = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeProblem *problem;

  ck_assert (klynge_initiative_set_participants_count (summit, 2, &error));
  problems = klynge_landscape_validate (landscape);
  ck_assert_uint_eq (problems->len, 1);
  problem = g_ptr_array_index (problems, 0);
  ck_assert_int_eq (klynge_problem_get_code (problem), KLYNGE_ERROR_PARTICIPANTS_COUNT_TOO_LOW);
  ck_assert_uint_eq (klynge_problem_get_line (problem), 21);
  ck_assert_str_eq (klynge_problem_get_record_id (problem), "i-summit");

  ck_assert_ptr_null (klynge_landscape_save_bytes (landscape, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_PARTICIPANTS_COUNT_TOO_LOW);
  g_clear_error (&error);

  copy = klynge_initiative_new ("i-copy", KLYNGE_INITIATIVE_KIND_EVENT, KLYNGE_INITIATIVE_THEME_BRANDING,
                                "o-host", "Kopi");
  ck_assert (klynge_initiative_add_member_participant (copy, "m-1", &error));
  ck_assert (klynge_initiative_set_participants_count (copy, 0, &error));
  ck_assert (!klynge_landscape_add (landscape, KLYNGE_RECORD (copy), &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_PARTICIPANTS_COUNT_TOO_LOW);
  ck_assert_ptr_null (klynge_landscape_lookup (landscape, "i-copy"));
}
END_TEST

START_TEST (test_initiative_a_member_that_takes_part_cannot_be_removed)
{
  g_autoptr(KlyngeLandscape) landscape = load_participants_fixture ();
  g_autoptr(GPtrArray) of_m1 = klynge_landscape_list_referrers (landscape, "m-1");
  g_autoptr(GPtrArray) of_m2 = klynge_landscape_list_referrers (landscape, "m-2");
  g_autoptr(GError) error = NULL;

  /* the organisation it is a member of, then the initiatives */
  ck_assert_uint_eq (of_m1->len, 2);
  ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (of_m1, 0)), "o-1");
  ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (of_m1, 1)), "i-summit");
  ck_assert_uint_eq (of_m2->len, 2);
  ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (of_m2, 0)), "i-summit");
  ck_assert_str_eq (klynge_record_get_id (g_ptr_array_index (of_m2, 1)), "i-network");

  ck_assert (!klynge_landscape_remove (landscape, "m-2", &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_REFERENCED);
  ck_assert_ptr_nonnull (klynge_landscape_lookup (landscape, "m-2"));
}
END_TEST

/* A member has no founding or dissolution to participate outside of; a
 * dissolved organisation does. */
START_TEST (test_initiative_lifetime_checks_apply_to_organisation_participants_only)
{
  g_autoptr(KlyngeLandscape) landscape = load_participants_fixture ();
  KlyngeOrganisation *o1 = KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "o-1"));
  KlyngeDate dissolved = klynge_test_date ("2019-12-31");
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;

  ck_assert (klynge_organisation_set_dissolved (o1, &dissolved, NULL));
  problems = klynge_landscape_validate (landscape);
  text = klynge_test_problems_text (problems);
  /* o-1 takes part in i-summit (2020, line 23); m-1, m-2 are members */
  ck_assert_msg (problems->len == 1, "problems:%s", text);
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 0)),
                    KLYNGE_ERROR_PARTICIPATION_AFTER_DISSOLUTION);
  ck_assert_uint_eq (klynge_problem_get_line (g_ptr_array_index (problems, 0)), 23);
}
END_TEST

static Suite *
initiative_suite (void)
{
  Suite *suite = suite_create ("initiative");
  TCase *tc;

  tc = tcase_create ("enums");
  tcase_add_test (tc, test_initiative_kind_nicks_round_trip);
  tcase_add_test (tc, test_initiative_theme_nicks_round_trip);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("initiative");
  tcase_add_test (tc, test_initiative_new_has_no_dates_no_replaces_and_no_participants);
  tcase_add_test (tc, test_initiative_new_with_invalid_arguments_is_a_programmer_error);
  tcase_add_test (tc, test_initiative_properties_round_trip_and_notify_only_on_change);
  tcase_add_loop_test (tc, test_initiative_set_dates_rejects_end_before_start_and_keeps_both_dates,
                       0, G_N_ELEMENTS (date_pairs));
  tcase_add_test (tc, test_initiative_set_dates_with_null_clears_them);
  tcase_add_test (tc, test_initiative_start_property_is_checked_against_the_end);
  tcase_add_loop_test (tc, test_initiative_setters_reject_bad_values_and_change_nothing,
                       0, G_N_ELEMENTS (bad_texts));
  tcase_add_test (tc, test_initiative_set_replaces_null_clears_it);
  tcase_add_test (tc, test_initiative_participants_keep_insertion_order_and_stay_null_terminated);
  tcase_add_test (tc, test_initiative_participant_lines_stay_in_step_with_the_participants);
  tcase_add_test (tc, test_initiative_enum_setters_out_of_range_are_programmer_errors);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("participants");
  tcase_add_test (tc, test_initiative_member_participants_are_told_apart_from_organisations);
  tcase_add_test (tc, test_initiative_needs_version_2_for_a_member_participant_or_a_stated_count);
  tcase_add_test (tc, test_initiative_participants_count_is_set_unset_and_notified_once_per_change);
  tcase_add_loop_test (tc, test_initiative_count_is_exact_when_stated_and_at_least_the_listed_otherwise,
                       0, G_N_ELEMENTS (participant_counts));
  tcase_add_loop_test (tc, test_initiative_replacing_a_participant_keeps_one_place_for_the_successor,
                       0, G_N_ELEMENTS (replacements));
  tcase_add_test (tc, test_initiative_loads_member_participants_and_the_stated_count);
  tcase_add_loop_test (tc, test_initiative_validate_refuses_a_participant_of_the_wrong_kind_or_none,
                       0, G_N_ELEMENTS (bad_participants));
  tcase_add_test (tc, test_initiative_validate_finds_a_stated_count_below_the_listed_participants);
  tcase_add_test (tc, test_initiative_a_member_that_takes_part_cannot_be_removed);
  tcase_add_test (tc, test_initiative_lifetime_checks_apply_to_organisation_participants_only);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return klynge_test_run (initiative_suite ());
}
