/* klynge-xml-records.c: what the reader makes of each record
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The start and end handlers of the elements that make records (and of
 * their children), other than members and memberships: the rows of the
 * reader's table (klynge-xml-reader.c) name them. A handler reads the
 * values that read_attributes() has decoded and checks them with the
 * reader's typed helpers, so that every message has one wording.
 */
#include "config.h"

#include "klynge-reloadable-private.h"
#include "klynge-xml-reader-private.h"

typedef KlyngeXmlReader Reader;

static void
begin_record (Reader       *reader,
              KlyngeRecord *record,
              guint         line)
{
  _klynge_record_set_line (record, line);
  reader->record = record;
  _klynge_landscape_add_record_unchecked (reader->landscape, record);
}

void
_klynge_xml_end_record (Reader      *reader,
                        const Frame *frame)
{
  reader->record = NULL;
}

void
_klynge_xml_start_funding_source (Reader *reader,
                                  guint   line)
{
  KlyngeFundingSource *source;
  int kind = 0;

  if (!_klynge_xml_claim_id (reader, line))
    return;
  _klynge_xml_value_enum (reader, A_KIND, KLYNGE_TYPE_FUNDING_SOURCE_KIND, &kind, line);
  source = g_object_new (KLYNGE_TYPE_FUNDING_SOURCE, "id", reader->values[A_ID], NULL);
  klynge_funding_source_set_kind (source, kind);
  begin_record (reader, KLYNGE_RECORD (source), line);
  g_object_unref (source);
}

void
_klynge_xml_start_organisation (Reader *reader,
                                guint   line)
{
  KlyngeOrganisation *organisation;
  KlyngeDate founded, dissolved, known_until;
  GError *error = NULL;
  int kind = 0, member_list = 0;

  if (!_klynge_xml_claim_id (reader, line))
    return;
  _klynge_xml_value_enum (reader, A_KIND, KLYNGE_TYPE_ORGANISATION_KIND, &kind, line);
  organisation = g_object_new (KLYNGE_TYPE_ORGANISATION, "id", reader->values[A_ID], NULL);
  klynge_organisation_set_kind (organisation, kind);
  if (_klynge_xml_value_enum (reader, A_MEMBER_LIST, KLYNGE_TYPE_MEMBER_LIST, &member_list, line))
    klynge_organisation_set_member_list (organisation, member_list);
  if (_klynge_xml_value_date (reader, A_FOUNDED, &founded, line) && klynge_date_is_set (&founded)
      && !klynge_organisation_set_founded (organisation, &founded, &error))
    _klynge_xml_problem_from_error (reader, line, error);
  if (_klynge_xml_value_date (reader, A_DISSOLVED, &dissolved, line) && klynge_date_is_set (&dissolved)
      && !klynge_organisation_set_dissolved (organisation, &dissolved, (error = NULL, &error)))
    _klynge_xml_problem_from_error (reader, line, error);
  if (_klynge_xml_value_date (reader, A_KNOWN_UNTIL, &known_until, line) && klynge_date_is_set (&known_until)
      && !klynge_organisation_set_known_until (organisation, &known_until, (error = NULL, &error)))
    _klynge_xml_problem_from_error (reader, line, error);
  if (reader->values[A_CVR] != NULL
      && !klynge_organisation_set_cvr (organisation, reader->values[A_CVR], (error = NULL, &error)))
    _klynge_xml_problem_from_error (reader, line, error);
  begin_record (reader, KLYNGE_RECORD (organisation), line);
  reader->org_entry = _klynge_landscape_get_org_entry (reader->landscape, reader->values[A_ID]);
  g_object_unref (organisation);
}

/* Memberships are sorted per organisation once it is complete, which is
 * also when duplicates show: in the bulk path. */
void
_klynge_xml_end_organisation (Reader      *reader,
                              const Frame *frame)
{
  if (reader->org_entry != NULL)
    _klynge_xml_bulk_end_organisation (reader->bulk, reader->org_entry, reader->record);
  reader->org_entry = NULL;
  _klynge_xml_end_record (reader, frame);
}

void
_klynge_xml_start_location (Reader *reader,
                            guint   line)
{
  g_autoptr(KlyngeLocation) location = NULL;
  GError *error = NULL;

  if (!KLYNGE_IS_ORGANISATION (reader->record) || reader->values[A_CITY] == NULL)
    return;
  location = klynge_location_new_full (reader->values[A_CITY], reader->values[A_ADDRESS],
                                       reader->values[A_ROLE], reader->values[A_REGION],
                                       reader->values[A_MUNICIPALITY], &error);
  if (location == NULL)
    _klynge_xml_problem_from_error (reader, line, error);
  else
    klynge_organisation_add_location (KLYNGE_ORGANISATION (reader->record), location);
}

void
_klynge_xml_start_label (Reader *reader,
                         guint   line)
{
  g_autoptr(KlyngeLabel) label = NULL;
  KlyngeDate awarded, valid_until;
  GError *error = NULL;
  int level = 0;

  if (!KLYNGE_IS_ORGANISATION (reader->record)
      || !_klynge_xml_value_enum (reader, A_LEVEL, KLYNGE_TYPE_LABEL_LEVEL, &level, line)
      || !_klynge_xml_value_date (reader, A_AWARDED, &awarded, line)
      || !_klynge_xml_value_date (reader, A_VALID_UNTIL, &valid_until, line)
      || !klynge_date_is_set (&awarded))
    return;
  label = klynge_label_new (level, &awarded, &valid_until, &error);
  if (label == NULL)
    {
      _klynge_xml_problem_from_error (reader, line, error);
      return;
    }
  _klynge_label_set_line (label, line);
  klynge_organisation_add_label (KLYNGE_ORGANISATION (reader->record), label);
}

/* The start, end and amount of a contract or envelope: reports what
 * fails. The amount keeps the decimals it was written with. */
static gboolean
read_period_and_amount (Reader       *reader,
                        guint         line,
                        KlyngePeriod *period,
                        gint64       *amount,
                        guint        *decimals)
{
  KlyngeDate start, end;
  GError *error = NULL;
  gboolean ok;

  ok = _klynge_xml_value_date (reader, A_START, &start, line);
  ok = _klynge_xml_value_date (reader, A_END, &end, line) && ok;
  if (ok && !klynge_period_init (period, &start, &end, &error))
    {
      _klynge_xml_problem_from_error (reader, line, error);
      ok = FALSE;
    }
  if (reader->values[A_AMOUNT] != NULL
      && !klynge_money_parse (reader->values[A_AMOUNT], amount, decimals, (error = NULL, &error)))
    {
      _klynge_xml_problem_from_error (reader, line, error);
      ok = FALSE;
    }
  return ok;
}

void
_klynge_xml_start_contract (Reader *reader,
                            guint   line)
{
  KlyngeContract *contract;
  KlyngePeriod period;
  GError *error = NULL;
  gint64 amount = 0;
  guint decimals = 2;
  gboolean ok;

  if (!_klynge_xml_claim_id (reader, line))
    return;
  ok = _klynge_xml_value_reference (reader, A_HOLDER, KLYNGE_TYPE_ORGANISATION, line);
  ok = read_period_and_amount (reader, line, &period, &amount, &decimals) && ok;
  /* the programme comes later in the document: resolved at the end */
  if (!ok || !_klynge_xml_value_id (reader, A_RENEWS, line)
      || !_klynge_xml_value_id (reader, A_PROGRAMME, line))
    return;

  contract = klynge_contract_new (reader->values[A_ID], reader->values[A_HOLDER], &period, amount);
  _klynge_contract_set_amount_decimals (contract, decimals);
  /* only a version 2 document may leave the amount out (the table) */
  if (reader->values[A_AMOUNT] == NULL)
    klynge_contract_set_amount_unknown (contract);
  /* The setter refuses a contract renewing itself: report it, never drop it. */
  if (reader->values[A_RENEWS] != NULL
      && !klynge_contract_set_renews (contract, reader->values[A_RENEWS], (error = NULL, &error)))
    _klynge_xml_problem_from_error (reader, line, error);
  if (reader->values[A_PROGRAMME] != NULL)
    klynge_contract_set_programme (contract, reader->values[A_PROGRAMME], NULL);
  begin_record (reader, KLYNGE_RECORD (contract), line);
  g_object_unref (contract);
}

void
_klynge_xml_start_share (Reader *reader,
                         guint   line)
{
  g_autoptr(KlyngeShare) share = NULL;
  GError *error = NULL;
  guint basis_points, decimals;

  if (!KLYNGE_IS_CONTRACT (reader->record)
      || !_klynge_xml_value_reference (reader, A_SOURCE, KLYNGE_TYPE_FUNDING_SOURCE, line)
      || reader->values[A_PERCENT] == NULL)
    return;
  if (!klynge_percent_parse (reader->values[A_PERCENT], &basis_points, &decimals, &error))
    {
      _klynge_xml_problem_from_error (reader, line, error);
      return;
    }
  share = _klynge_share_new_full (reader->values[A_SOURCE], basis_points, decimals);
  if (!klynge_contract_add_share (KLYNGE_CONTRACT (reader->record), share, &error))
    _klynge_xml_problem_from_error (reader, line, error);
}

void
_klynge_xml_end_contract (Reader      *reader,
                          const Frame *frame)
{
  GError *error = NULL;

  if (KLYNGE_IS_CONTRACT (reader->record)
      && klynge_contract_get_shares (KLYNGE_CONTRACT (reader->record))->len > 0
      && !klynge_contract_check_shares (KLYNGE_CONTRACT (reader->record), &error))
    _klynge_xml_problem_from_error (reader, frame->line, error);
  if (KLYNGE_IS_CONTRACT (reader->record)
      && !_klynge_contract_check_unknown_amount_noted (KLYNGE_CONTRACT (reader->record), (error = NULL, &error)))
    _klynge_xml_problem_from_error (reader, frame->line, error);
  _klynge_xml_end_record (reader, frame);
}

void
_klynge_xml_start_merger (Reader *reader,
                          guint   line)
{
  KlyngeMerger *merger;
  KlyngeDate effective;
  int kind = 0, status = 0;
  gboolean ok;

  if (!_klynge_xml_claim_id (reader, line))
    return;
  ok = _klynge_xml_value_date (reader, A_EFFECTIVE, &effective, line);
  ok = _klynge_xml_value_reference (reader, A_SUCCESSOR, KLYNGE_TYPE_ORGANISATION, line) && ok;
  ok = _klynge_xml_value_enum (reader, A_KIND, KLYNGE_TYPE_MERGER_KIND, &kind, line) && ok;
  ok = _klynge_xml_value_enum (reader, A_STATUS, KLYNGE_TYPE_MERGER_STATUS, &status, line) && ok;
  if (!ok || !klynge_date_is_set (&effective))
    return;
  /* the table cannot gate values: these three are version 2's */
  if (reader->version < 2
      && (kind == KLYNGE_MERGER_KIND_TRANSFER || kind == KLYNGE_MERGER_KIND_RENAME
          || status == KLYNGE_MERGER_STATUS_CANCELLED))
    {
      gboolean by_kind = kind == KLYNGE_MERGER_KIND_TRANSFER || kind == KLYNGE_MERGER_KIND_RENAME;

      _klynge_xml_problem_at (reader, KLYNGE_ERROR_BAD_ENUM, line,
                              "“%s” is a %s of format version 2, not of version 1",
                              reader->values[by_kind ? A_KIND : A_STATUS], by_kind ? "kind" : "status");
      return;
    }
  merger = klynge_merger_new (reader->values[A_ID], kind, reader->values[A_SUCCESSOR], &effective);
  klynge_merger_set_status (merger, status);
  begin_record (reader, KLYNGE_RECORD (merger), line);
  g_object_unref (merger);
}

void
_klynge_xml_start_predecessor (Reader *reader,
                               guint   line)
{
  GError *error = NULL;

  if (!KLYNGE_IS_MERGER (reader->record)
      || !_klynge_xml_value_reference (reader, A_REF, KLYNGE_TYPE_ORGANISATION, line))
    return;
  if (!klynge_merger_add_predecessor (KLYNGE_MERGER (reader->record), reader->values[A_REF], &error))
    _klynge_xml_problem_from_error (reader, line, error);
}

void
_klynge_xml_end_merger (Reader      *reader,
                        const Frame *frame)
{
  GError *error = NULL;

  /* no <predecessor> at all is the table's MISSING_ELEMENT; too few of
   * them is the rule add(), validate() and saves apply */
  if (KLYNGE_IS_MERGER (reader->record)
      && klynge_merger_get_predecessors (KLYNGE_MERGER (reader->record))[0] != NULL
      && !_klynge_merger_check_predecessor_count (KLYNGE_MERGER (reader->record), &error))
    _klynge_xml_problem_from_error (reader, frame->line, error);
  _klynge_xml_end_record (reader, frame);
}

/* `participants-count` (version 2: the table): a number of decimal
 * digits without leading zeros, so that it saves back as it was read. */
static void
participants_count (Reader           *reader,
                    KlyngeInitiative *initiative,
                    guint             line)
{
  const char *value = reader->values[A_PARTICIPANTS_COUNT];
  gsize length = reader->value_lengths[A_PARTICIPANTS_COUNT];
  GError *error = NULL;
  gboolean digits;

  if (value == NULL)
    return;
  /* anything longer than 20 digits is far above the cap (and
   * g_ascii_strtoull() saturates rather than wraps) */
  digits = length > 0 && length <= 20 && (value[0] != '0' || length == 1);
  for (gsize i = 0; digits && i < length; i++)
    digits = g_ascii_isdigit (value[i]);
  if (!digits)
    {
      _klynge_xml_problem_at (reader, KLYNGE_ERROR_BAD_VALUE, line,
                              "participants-count “%s” is not a number of participants", value);
      return;
    }
  if (!klynge_initiative_set_participants_count (initiative, g_ascii_strtoull (value, NULL, 10), &error))
    _klynge_xml_problem_from_error (reader, line, error);
}

void
_klynge_xml_start_initiative (Reader *reader,
                              guint   line)
{
  KlyngeInitiative *initiative;
  KlyngeDate start, end;
  GError *error = NULL;
  int kind = 0, theme = 0;
  gboolean ok;

  if (!_klynge_xml_claim_id (reader, line))
    return;
  ok = _klynge_xml_value_enum (reader, A_KIND, KLYNGE_TYPE_INITIATIVE_KIND, &kind, line);
  ok = _klynge_xml_value_enum (reader, A_THEME, KLYNGE_TYPE_INITIATIVE_THEME, &theme, line) && ok;
  ok = _klynge_xml_value_reference (reader, A_HOST, KLYNGE_TYPE_ORGANISATION, line) && ok;
  ok = _klynge_xml_value_date (reader, A_START, &start, line) && ok;
  ok = _klynge_xml_value_date (reader, A_END, &end, line) && ok;
  ok = _klynge_xml_value_id (reader, A_REPLACES, line) && ok;
  if (!ok)
    return;
  initiative = g_object_new (KLYNGE_TYPE_INITIATIVE, "id", reader->values[A_ID], NULL);
  klynge_initiative_set_kind (initiative, kind);
  klynge_initiative_set_theme (initiative, theme);
  klynge_initiative_set_host (initiative, reader->values[A_HOST], NULL);
  if (!klynge_initiative_set_dates (initiative, &start, &end, &error))
    _klynge_xml_problem_from_error (reader, line, error);
  /* Likewise an initiative replacing itself. */
  if (reader->values[A_REPLACES] != NULL
      && !klynge_initiative_set_replaces (initiative, reader->values[A_REPLACES], (error = NULL, &error)))
    _klynge_xml_problem_from_error (reader, line, error);
  participants_count (reader, initiative, line);
  begin_record (reader, KLYNGE_RECORD (initiative), line);
  g_object_unref (initiative);
}

void
_klynge_xml_end_initiative (Reader      *reader,
                            const Frame *frame)
{
  GError *error = NULL;

  /* the count is known before the list: compared once the list is read */
  if (KLYNGE_IS_INITIATIVE (reader->record)
      && !_klynge_initiative_check_participants_count (KLYNGE_INITIATIVE (reader->record), &error))
    _klynge_xml_problem_from_error (reader, frame->line, error);
  _klynge_xml_end_record (reader, frame);
}

void
_klynge_xml_start_participant (Reader *reader,
                               guint   line)
{
  const char *ref = reader->values[A_REF];
  GError *error = NULL;
  guint32 index;
  gboolean member;

  if (!KLYNGE_IS_INITIATIVE (reader->record) || ref == NULL)
    return;
  /* `ref` names an organisation or, from version 2, a member: ids are
   * unique across kinds, so the id says which. In a version 1 document a
   * member is the wrong kind, as it always was. */
  member = reader->version >= 2 && _klynge_landscape_find_member (reader->landscape, ref, &index);
  if (!_klynge_xml_value_reference (reader, A_REF, member ? KLYNGE_TYPE_MEMBER : KLYNGE_TYPE_ORGANISATION, line))
    return;
  if (!(member ? klynge_initiative_add_member_participant : klynge_initiative_add_participant)
        (KLYNGE_INITIATIVE (reader->record), ref, &error))
    _klynge_xml_problem_from_error (reader, line, error);
  else
    _klynge_initiative_set_last_participant_line (KLYNGE_INITIATIVE (reader->record), line);
}


void
_klynge_xml_start_programme (Reader *reader,
                             guint   line)
{
  KlyngeProgramme *programme;
  KlyngeDate start, end;
  GError *error = NULL;
  int kind = 0;
  gboolean ok;

  if (!_klynge_xml_claim_id (reader, line))
    return;
  ok = _klynge_xml_value_enum (reader, A_KIND, KLYNGE_TYPE_PROGRAMME_KIND, &kind, line);
  ok = _klynge_xml_value_date (reader, A_START, &start, line) && ok;
  ok = _klynge_xml_value_date (reader, A_END, &end, line) && ok;
  if (!ok)
    return;
  programme = g_object_new (KLYNGE_TYPE_PROGRAMME, "id", reader->values[A_ID], NULL);
  klynge_programme_set_kind (programme, kind);
  if (!klynge_programme_set_dates (programme, &start, &end, &error))
    _klynge_xml_problem_from_error (reader, line, error);
  begin_record (reader, KLYNGE_RECORD (programme), line);
  g_object_unref (programme);
}

void
_klynge_xml_start_envelope (Reader *reader,
                            guint   line)
{
  g_autoptr(KlyngeEnvelope) envelope = NULL;
  KlyngePeriod period;
  GError *error = NULL;
  gint64 amount = 0;
  guint decimals = 2;
  gboolean ok;

  if (!KLYNGE_IS_PROGRAMME (reader->record))
    return;
  ok = _klynge_xml_value_reference (reader, A_SOURCE, KLYNGE_TYPE_FUNDING_SOURCE, line);
  ok = read_period_and_amount (reader, line, &period, &amount, &decimals) && ok;
  if (!ok)
    return;
  envelope = _klynge_envelope_new_full (reader->values[A_SOURCE], &period, amount, decimals);
  _klynge_envelope_set_line (envelope, line);
  if (!klynge_programme_add_envelope (KLYNGE_PROGRAMME (reader->record), envelope, &error))
    _klynge_xml_problem_from_error (reader, line, error);
}

void
_klynge_xml_start_designation (Reader *reader,
                               guint   line)
{
  g_autoptr(KlyngeDesignation) designation = NULL;
  KlyngeDate start, end;
  GError *error = NULL;
  int role = 0;
  gboolean ok;

  if (!KLYNGE_IS_PROGRAMME (reader->record))
    return;
  ok = _klynge_xml_value_reference (reader, A_ORGANISATION, KLYNGE_TYPE_ORGANISATION, line);
  ok = _klynge_xml_value_enum (reader, A_ROLE, KLYNGE_TYPE_DESIGNATION_ROLE, &role, line) && ok;
  ok = _klynge_xml_value_date (reader, A_START, &start, line) && ok;
  ok = _klynge_xml_value_date (reader, A_END, &end, line) && ok;
  if (!ok || !klynge_date_is_set (&start))
    return;
  designation = klynge_designation_new_in_scheme (reader->values[A_ORGANISATION], role,
                                                  reader->values[A_AREA_SCHEME], reader->values[A_AREA],
                                                  &start, &end, &error);
  if (designation == NULL)
    {
      _klynge_xml_problem_from_error (reader, line, error);
      return;
    }
  _klynge_designation_set_line (designation, line);
  if (!klynge_programme_add_designation (KLYNGE_PROGRAMME (reader->record), designation, &error))
    _klynge_xml_problem_from_error (reader, line, error);
}

/* An <identifier> of an organisation or funding source: the record's own
 * list checks for a duplicate. */
void
_klynge_xml_start_identifier (Reader *reader,
                              guint   line)
{
  g_autoptr(KlyngeIdentifier) identifier = NULL;
  GPtrArray *identifiers;
  KlyngeDate since, until;
  GError *error = NULL;
  int scheme = 0;
  gboolean ok;

  if (reader->record == NULL)
    return;
  identifiers = _klynge_record_get_identifiers (reader->record);
  if (identifiers == NULL)
    return;
  ok = _klynge_xml_value_enum (reader, A_SCHEME, KLYNGE_TYPE_IDENTIFIER_SCHEME, &scheme, line);
  ok = _klynge_xml_value_date (reader, A_SINCE, &since, line) && ok;
  ok = _klynge_xml_value_date (reader, A_UNTIL, &until, line) && ok;
  /* a missing value is reported already, and listing goes on */
  if (!ok || reader->values[A_VALUE] == NULL)
    return;
  identifier = klynge_identifier_new (scheme, reader->values[A_VALUE], &since, &until, &error);
  if (identifier == NULL)
    {
      _klynge_xml_problem_from_error (reader, line, error);
      return;
    }
  _klynge_identifier_set_line (identifier, line);
  if (!_klynge_identifier_list_add (identifiers, identifier, reader->record, &error))
    _klynge_xml_problem_from_error (reader, line, error);
}
