/* klynge-reloadable.c: whether a record, or a whole landscape, would load
 * again once saved
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * klynge_landscape_add() refuses a record that fails these checks and a
 * save refuses a landscape that does, so no file is written that the
 * loader would refuse. The loader reaches the same verdicts from the
 * document's shape (the reader's table of elements and attributes).
 */
#include "config.h"

#include "klynge-landscape-private.h"
#include "klynge-reloadable-private.h"

typedef struct {
  KlyngeLandscape *self;
  GError **error;
  gboolean ok;
} CheckRefsData;

/* A record built field by field (from Python, say) may lack what the
 * format requires; the checks below and the store assume it is there. */
static gboolean
check_reference_present (KlyngeRecord *from,
                         const char   *target,
                         GType         expected,
                         const char   *attribute,
                         gpointer      user_data)
{
  CheckRefsData *data = user_data;

  if (target != NULL)
    return TRUE;
  g_set_error (data->error, KLYNGE_ERROR, KLYNGE_ERROR_MISSING_ATTRIBUTE,
               "%s “%s” has no %s", klynge_record_get_kind_name (from),
               klynge_record_get_id (from), attribute);
  data->ok = FALSE;
  return FALSE;
}

/* Whether @record has the name or title the format requires of its kind
 * (@what says which); kinds that need neither have it. */
static gboolean
has_required_text (KlyngeRecord  *record,
                   const char   **what)
{
  const char *text;

  *what = "name";
  if (KLYNGE_IS_ORGANISATION (record))
    text = klynge_organisation_get_name (KLYNGE_ORGANISATION (record));
  else if (KLYNGE_IS_MEMBER (record))
    text = klynge_member_get_name (KLYNGE_MEMBER (record));
  else if (KLYNGE_IS_FUNDING_SOURCE (record))
    text = klynge_funding_source_get_name (KLYNGE_FUNDING_SOURCE (record));
  else if (KLYNGE_IS_PROGRAMME (record))
    text = klynge_programme_get_name (KLYNGE_PROGRAMME (record));
  else if (KLYNGE_IS_INITIATIVE (record))
    {
      *what = "title";
      text = klynge_initiative_get_title (KLYNGE_INITIATIVE (record));
    }
  else
    return TRUE;
  return text != NULL && *text != '\0';
}

gboolean
_klynge_merger_check_predecessor_count (KlyngeMerger  *merger,
                                        GError       **error)
{
  guint n = g_strv_length ((char **) klynge_merger_get_predecessors (merger));
  KlyngeMergerKind kind = klynge_merger_get_kind (merger);
  guint needed = klynge_merger_kind_min_predecessors (kind);
  guint most = klynge_merger_kind_max_predecessors (kind);

  if (n >= needed && n <= most)
    return TRUE;
  g_set_error (error, KLYNGE_ERROR,
               n < needed ? KLYNGE_ERROR_TOO_FEW_PARTIES : KLYNGE_ERROR_MERGER_TOO_MANY_PREDECESSORS,
               "merger “%s” has %u predecessor%s; a %s needs at %s %u",
               klynge_record_get_id (KLYNGE_RECORD (merger)), n, n == 1 ? "" : "s",
               _klynge_enum_to_nick (KLYNGE_TYPE_MERGER_KIND, kind),
               n < needed ? "least" : "most", n < needed ? needed : most);
  return FALSE;
}

gboolean
_klynge_record_check_complete (KlyngeRecord  *record,
                               GError       **error)
{
  CheckRefsData data = { NULL, error, TRUE };
  const char *kind = klynge_record_get_kind_name (record);
  const char *id = klynge_record_get_id (record);
  const char *missing = NULL;
  const char *text_name;

  if (id == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_MISSING_ATTRIBUTE,
                   "the %s has no id", kind);
      return FALSE;
    }
  _klynge_record_foreach_reference (record, check_reference_present, &data);
  if (!data.ok)
    return FALSE;

  if (KLYNGE_IS_CONTRACT (record))
    {
      const KlyngePeriod *period = klynge_contract_get_period (KLYNGE_CONTRACT (record));

      if (!klynge_date_is_set (&period->start))
        missing = "start";
      else if (!klynge_date_is_set (&period->end))
        missing = "end";
    }
  else if (KLYNGE_IS_MERGER (record)
           && !klynge_date_is_set (klynge_merger_get_effective (KLYNGE_MERGER (record))))
    missing = "effective date";
  if (missing != NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_MISSING_ATTRIBUTE,
                   "%s “%s” has no %s", kind, id, missing);
      return FALSE;
    }

  if (!has_required_text (record, &text_name))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_MISSING_ELEMENT,
                   "%s “%s” has no %s", kind, id, text_name);
      return FALSE;
    }

  /* an unknown amount is complete (version 2), given a note saying why */
  if (KLYNGE_IS_CONTRACT (record))
    return _klynge_contract_check_unknown_amount_noted (KLYNGE_CONTRACT (record), error)
           && klynge_contract_check_shares (KLYNGE_CONTRACT (record), error);
  if (KLYNGE_IS_MERGER (record))
    return _klynge_merger_check_predecessor_count (KLYNGE_MERGER (record), error);
  if (KLYNGE_IS_INITIATIVE (record))
    return _klynge_initiative_check_participants_count (KLYNGE_INITIATIVE (record), error);
  return TRUE;
}

static gboolean
check_one_reference (KlyngeRecord *from,
                     const char   *target,
                     GType         expected,
                     const char   *attribute,
                     gpointer      user_data)
{
  CheckRefsData *data = user_data;
  KlyngeError code;

  if (_klynge_landscape_resolve (data->self, target, expected, &code))
    return TRUE;
  g_set_error (data->error, KLYNGE_ERROR, code,
               code == KLYNGE_ERROR_UNRESOLVED_REFERENCE
               ? "%s “%s”: %s “%s” names no record"
               : "%s “%s”: %s “%s” names a record of the wrong kind",
               klynge_record_get_kind_name (from), klynge_record_get_id (from),
               attribute, target);
  data->ok = FALSE;
  return FALSE;
}

gboolean
_klynge_landscape_check_references_of (KlyngeLandscape  *self,
                                       KlyngeRecord     *record,
                                       GError          **error)
{
  CheckRefsData data = { self, error, TRUE };

  _klynge_record_foreach_reference (record, check_one_reference, &data);
  return data.ok;
}

typedef struct {
  KlyngeLandscape *self;
  GError *error;
} LoadableData;

static void
check_loadable_one (gpointer record,
                    gpointer user_data)
{
  LoadableData *data = user_data;

  if (data->error == NULL && _klynge_record_check_complete (record, &data->error))
    _klynge_landscape_check_references_of (data->self, record, &data->error);
}

gboolean
_klynge_landscape_check_loadable (KlyngeLandscape  *self,
                                  GError          **error)
{
  LoadableData data = { self, NULL };

  /* Members are left out: they name no record, and their name is the one
   * field they need, which no setter can take away. */
  _klynge_landscape_foreach_record (self, check_loadable_one, &data);
  if (data.error == NULL)
    return TRUE;
  g_propagate_prefixed_error (error, data.error, "not saved, as it would not load again: ");
  return FALSE;
}
