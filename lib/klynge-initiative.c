/* klynge-initiative.c: what the support body runs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "klynge-record-private.h"

/**
 * KlyngeInitiative:
 *
 * Something a support body runs for the clusters: an event, network,
 * service, campaign or programme, its theme, its host organisation, when
 * it runs, who takes part and, optionally, the initiative it replaces.
 * Records are named by id; whether the ids resolve is checked by the
 * landscape.
 *
 * A participant is an organisation (klynge_initiative_add_participant())
 * or, from format version 2, a member such as a company
 * (klynge_initiative_add_member_participant()); participants keep the
 * order they were added in. The listed participants are those the
 * sources name, not necessarily all who took part: when a source gives
 * only a number, the initiative states it as its participants count
 * (klynge_initiative_set_participants_count(), also version 2), and
 * klynge_initiative_count_participants() says what is known of the
 * number.
 */
struct _KlyngeInitiative
{
  KlyngeRecord parent_instance;

  char *title;
  KlyngeInitiativeKind kind;
  KlyngeInitiativeTheme theme;
  char *host;
  KlyngeDate start;
  KlyngeDate end;
  char *replaces;
  GPtrArray *participants;      /* NULL-terminated, of owned strings */
  GArray *participant_info;     /* ParticipantInfo, in step with @participants */
  gint64 participants_count;    /* -1 when not stated */
};

typedef struct {
  guint line;                   /* of its <participant>; 0 when not loaded */
  gboolean member;              /* a member rather than an organisation */
} ParticipantInfo;

G_DEFINE_FINAL_TYPE (KlyngeInitiative, klynge_initiative, KLYNGE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_KIND,
  PROP_THEME,
  PROP_HOST,
  PROP_START,
  PROP_END,
  PROP_REPLACES,
  PROP_PARTICIPANTS_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
klynge_initiative_finalize (GObject *object)
{
  KlyngeInitiative *self = KLYNGE_INITIATIVE (object);

  g_free (self->title);
  g_free (self->host);
  g_free (self->replaces);
  g_ptr_array_unref (self->participants);
  g_array_unref (self->participant_info);

  G_OBJECT_CLASS (klynge_initiative_parent_class)->finalize (object);
}

static void
klynge_initiative_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KlyngeInitiative *self = KLYNGE_INITIATIVE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_THEME:
      g_value_set_enum (value, self->theme);
      break;
    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    case PROP_START:
      _klynge_record_value_set_date (value, &self->start);
      break;
    case PROP_END:
      _klynge_record_value_set_date (value, &self->end);
      break;
    case PROP_REPLACES:
      g_value_set_string (value, self->replaces);
      break;
    case PROP_PARTICIPANTS_COUNT:
      g_value_set_int64 (value, self->participants_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_initiative_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KlyngeInitiative *self = KLYNGE_INITIATIVE (object);
  g_autoptr(GError) error = NULL;

  switch (prop_id)
    {
    case PROP_TITLE:
      klynge_initiative_set_title (self, g_value_get_string (value), &error);
      break;
    case PROP_KIND:
      klynge_initiative_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_THEME:
      klynge_initiative_set_theme (self, g_value_get_enum (value));
      break;
    case PROP_HOST:
      klynge_initiative_set_host (self, g_value_get_string (value), &error);
      break;
    case PROP_START:
      klynge_initiative_set_dates (self, g_value_get_boxed (value), &self->end, &error);
      break;
    case PROP_END:
      klynge_initiative_set_dates (self, &self->start, g_value_get_boxed (value), &error);
      break;
    case PROP_REPLACES:
      klynge_initiative_set_replaces (self, g_value_get_string (value), &error);
      break;
    case PROP_PARTICIPANTS_COUNT:
      if (g_value_get_int64 (value) < 0)
        klynge_initiative_unset_participants_count (self);
      else
        klynge_initiative_set_participants_count (self, (guint64) g_value_get_int64 (value), &error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  _klynge_record_check_property_set (object, pspec, error);
}

static void
klynge_initiative_foreach_reference (KlyngeRecord *record,
                                     GCallback     callback,
                                     gpointer      user_data)
{
  KlyngeReferenceFunc func = (KlyngeReferenceFunc) callback;
  KlyngeInitiative *self = KLYNGE_INITIATIVE (record);
  const char * const *participants = klynge_initiative_get_participants (self);
  const char *replaces = klynge_initiative_get_replaces (self);

  if (!func (record, klynge_initiative_get_host (self), KLYNGE_TYPE_ORGANISATION, "host", user_data))
    return;
  if (replaces != NULL && !func (record, replaces, KLYNGE_TYPE_INITIATIVE, "replaces", user_data))
    return;
  for (guint i = 0; participants[i] != NULL; i++)
    if (!func (record, participants[i],
               klynge_initiative_participant_is_member (self, i) ? KLYNGE_TYPE_MEMBER : KLYNGE_TYPE_ORGANISATION,
               "participant", user_data))
      return;
}

/* Members as participants and a stated count are version 2. */
static guint
klynge_initiative_format_version (KlyngeRecord *record)
{
  KlyngeInitiative *self = KLYNGE_INITIATIVE (record);

  if (self->participants_count >= 0)
    return 2;
  for (guint i = 0; i < self->participant_info->len; i++)
    if (g_array_index (self->participant_info, ParticipantInfo, i).member)
      return 2;
  return 1;
}

static void
klynge_initiative_class_init (KlyngeInitiativeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KlyngeRecordClass *record_class = KLYNGE_RECORD_CLASS (klass);

  object_class->finalize = klynge_initiative_finalize;
  object_class->get_property = klynge_initiative_get_property;
  object_class->set_property = klynge_initiative_set_property;

  record_class->element_name = "initiative";
  record_class->foreach_reference = klynge_initiative_foreach_reference;
  record_class->format_version = klynge_initiative_format_version;

  /**
   * KlyngeInitiative:title:
   *
   * The title of the initiative; non-empty.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeInitiative:kind:
   *
   * What the initiative is.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       KLYNGE_TYPE_INITIATIVE_KIND,
                       KLYNGE_INITIATIVE_KIND_EVENT,
                       KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeInitiative:theme:
   *
   * The theme the initiative serves.
   */
  properties[PROP_THEME] =
    g_param_spec_enum ("theme", NULL, NULL,
                       KLYNGE_TYPE_INITIATIVE_THEME,
                       KLYNGE_INITIATIVE_THEME_CONSOLIDATION,
                       KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeInitiative:host:
   *
   * The id of the organisation that runs the initiative.
   */
  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, NULL, KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeInitiative:start:
   *
   * The date the initiative starts, or %NULL when not known. Setting it
   * checks it against #KlyngeInitiative:end as klynge_initiative_set_dates()
   * does.
   */
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, KLYNGE_TYPE_DATE,
                        KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeInitiative:end:
   *
   * The last date of the initiative, or %NULL when open-ended or not known.
   * Setting it checks it against #KlyngeInitiative:start as
   * klynge_initiative_set_dates() does.
   */
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, KLYNGE_TYPE_DATE,
                        KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeInitiative:replaces:
   *
   * The id of the initiative this one replaces, or %NULL.
   */
  properties[PROP_REPLACES] =
    g_param_spec_string ("replaces", NULL, NULL, NULL, KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeInitiative:participants-count:
   *
   * How many took part, as a source states it, or -1 when no number is
   * stated (see klynge_initiative_set_participants_count()). Setting a
   * negative value unsets it.
   */
  properties[PROP_PARTICIPANTS_COUNT] =
    g_param_spec_int64 ("participants-count", NULL, NULL,
                        -1, KLYNGE_INITIATIVE_PARTICIPANTS_COUNT_MAX, -1,
                        KLYNGE_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_initiative_init (KlyngeInitiative *self)
{
  self->participants = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->participant_info = g_array_new (FALSE, TRUE, sizeof (ParticipantInfo));
  self->participants_count = -1;
}

/**
 * klynge_initiative_new:
 * @id: the identifier, an XML NCName
 * @kind: what the initiative is
 * @theme: the theme it serves
 * @host: the id of the organisation that runs it
 * @title: the title; non-empty
 *
 * Creates an initiative with no dates and no participants. An invalid @id,
 * @kind, @theme, @host or @title is a programmer error; check data from
 * elsewhere with klynge_id_is_valid() and klynge_text_is_valid() first.
 *
 * Returns: (transfer full): a new #KlyngeInitiative
 */
KlyngeInitiative *
klynge_initiative_new (const char            *id,
                       KlyngeInitiativeKind   kind,
                       KlyngeInitiativeTheme  theme,
                       const char            *host,
                       const char            *title)
{
  g_return_val_if_fail (klynge_id_is_valid (id), NULL);
  g_return_val_if_fail ((guint) kind <= KLYNGE_INITIATIVE_KIND_PROGRAMME, NULL);
  g_return_val_if_fail ((guint) theme <= KLYNGE_INITIATIVE_THEME_BRANDING, NULL);
  g_return_val_if_fail (klynge_id_is_valid (host), NULL);
  g_return_val_if_fail (title != NULL && *title != '\0' &&
                        klynge_text_is_valid (title, -1), NULL);

  return g_object_new (KLYNGE_TYPE_INITIATIVE,
                       "id", id,
                       "kind", kind,
                       "theme", theme,
                       "host", host,
                       "title", title,
                       NULL);
}

/**
 * klynge_initiative_get_title:
 * @self: a #KlyngeInitiative
 *
 * Returns: (transfer none): the title
 */
const char *
klynge_initiative_get_title (KlyngeInitiative *self)
{
  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), NULL);

  return self->title;
}

/**
 * klynge_initiative_set_title:
 * @self: a #KlyngeInitiative
 * @title: the title; non-empty
 * @error: return location for a #GError, or %NULL
 *
 * Sets the title. Fails with %KLYNGE_ERROR_BAD_VALUE when @title is empty
 * and %KLYNGE_ERROR_ENCODING when it is not valid UTF-8 or holds
 * characters XML cannot carry, leaving the title as it was. A %NULL @title
 * is a programmer error.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_initiative_set_title (KlyngeInitiative  *self,
                             const char        *title,
                             GError           **error)
{
  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _klynge_record_set_string (G_OBJECT (self), &self->title, title,
                                    KLYNGE_STRING_TEXT, "title",
                                    properties[PROP_TITLE], error);
}

/**
 * klynge_initiative_get_kind:
 * @self: a #KlyngeInitiative
 *
 * Returns: what the initiative is
 */
KlyngeInitiativeKind
klynge_initiative_get_kind (KlyngeInitiative *self)
{
  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), KLYNGE_INITIATIVE_KIND_EVENT);

  return self->kind;
}

/**
 * klynge_initiative_set_kind:
 * @self: a #KlyngeInitiative
 * @kind: what the initiative is
 *
 * Sets the kind. A value that is not a #KlyngeInitiativeKind is a
 * programmer error.
 */
void
klynge_initiative_set_kind (KlyngeInitiative     *self,
                            KlyngeInitiativeKind  kind)
{
  g_return_if_fail (KLYNGE_IS_INITIATIVE (self));
  g_return_if_fail ((guint) kind <= KLYNGE_INITIATIVE_KIND_PROGRAMME);

  _klynge_record_store_enum (G_OBJECT (self), (int *) &self->kind, kind,
                             properties[PROP_KIND]);
}

/**
 * klynge_initiative_get_theme:
 * @self: a #KlyngeInitiative
 *
 * Returns: the theme the initiative serves
 */
KlyngeInitiativeTheme
klynge_initiative_get_theme (KlyngeInitiative *self)
{
  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), KLYNGE_INITIATIVE_THEME_CONSOLIDATION);

  return self->theme;
}

/**
 * klynge_initiative_set_theme:
 * @self: a #KlyngeInitiative
 * @theme: the theme the initiative serves
 *
 * Sets the theme. A value that is not a #KlyngeInitiativeTheme is a
 * programmer error.
 */
void
klynge_initiative_set_theme (KlyngeInitiative      *self,
                             KlyngeInitiativeTheme  theme)
{
  g_return_if_fail (KLYNGE_IS_INITIATIVE (self));
  g_return_if_fail ((guint) theme <= KLYNGE_INITIATIVE_THEME_BRANDING);

  _klynge_record_store_enum (G_OBJECT (self), (int *) &self->theme, theme,
                             properties[PROP_THEME]);
}

/**
 * klynge_initiative_get_host:
 * @self: a #KlyngeInitiative
 *
 * Returns: (transfer none): the id of the organisation that runs the
 *   initiative
 */
const char *
klynge_initiative_get_host (KlyngeInitiative *self)
{
  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), NULL);

  return self->host;
}

/**
 * klynge_initiative_set_host:
 * @self: a #KlyngeInitiative
 * @host: the id of the organisation that runs the initiative
 * @error: return location for a #GError, or %NULL
 *
 * Sets the host. Fails with %KLYNGE_ERROR_BAD_ID when @host is not an XML
 * NCName, leaving the host as it was. A %NULL @host is a programmer error.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_initiative_set_host (KlyngeInitiative  *self,
                            const char        *host,
                            GError           **error)
{
  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), FALSE);
  g_return_val_if_fail (host != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _klynge_record_set_string (G_OBJECT (self), &self->host, host,
                                    KLYNGE_STRING_ID, "host",
                                    properties[PROP_HOST], error);
}

/**
 * klynge_initiative_get_start:
 * @self: a #KlyngeInitiative
 *
 * The start date. The pointer is never %NULL; when the date is not known,
 * the date it points to is unset (see klynge_date_is_set()).
 *
 * Returns: (transfer none): the start date
 */
const KlyngeDate *
klynge_initiative_get_start (KlyngeInitiative *self)
{
  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), NULL);

  return &self->start;
}

/**
 * klynge_initiative_get_end:
 * @self: a #KlyngeInitiative
 *
 * The last date. The pointer is never %NULL; when the initiative is
 * open-ended or the date is not known, the date it points to is unset (see
 * klynge_date_is_set()).
 *
 * Returns: (transfer none): the end date
 */
const KlyngeDate *
klynge_initiative_get_end (KlyngeInitiative *self)
{
  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), NULL);

  return &self->end;
}

/**
 * klynge_initiative_set_dates:
 * @self: a #KlyngeInitiative
 * @start: (nullable): the start date, or %NULL (or an unset date) when not
 *   known
 * @end: (nullable): the last date, or %NULL (or an unset date) when
 *   open-ended or not known
 * @error: return location for a #GError, or %NULL
 *
 * Sets both dates at once, so that moving an initiative never passes
 * through an inconsistent state. As in a #KlyngePeriod, a partial @start
 * stands for its first day and a partial @end for its last, so `2019` to
 * `2019` is the whole year.
 *
 * Fails with %KLYNGE_ERROR_BAD_DATE when a date does not exist and with
 * %KLYNGE_ERROR_BAD_PERIOD when @end comes before @start, leaving both
 * dates as they were.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_initiative_set_dates (KlyngeInitiative  *self,
                             const KlyngeDate  *start,
                             const KlyngeDate  *end,
                             GError           **error)
{
  KlyngeDate new_start, new_end;
  gboolean start_changed, end_changed;

  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_klynge_record_take_dates (start, end, &new_start, &new_end, "Initiative",
                                  klynge_record_get_id (KLYNGE_RECORD (self)), error))
    return FALSE;

  start_changed = !klynge_date_equal (&self->start, &new_start);
  end_changed = !klynge_date_equal (&self->end, &new_end);
  self->start = new_start;
  self->end = new_end;

  if (start_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
  if (end_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);

  return TRUE;
}

/**
 * klynge_initiative_get_replaces:
 * @self: a #KlyngeInitiative
 *
 * Returns: (transfer none) (nullable): the id of the initiative this one
 *   replaces, or %NULL
 */
const char *
klynge_initiative_get_replaces (KlyngeInitiative *self)
{
  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), NULL);

  return self->replaces;
}

/**
 * klynge_initiative_set_replaces:
 * @self: a #KlyngeInitiative
 * @replaces: (nullable): the id of the initiative this one replaces, or
 *   %NULL
 * @error: return location for a #GError, or %NULL
 *
 * Sets the initiative this one replaces (the Danish Cluster Summit
 * replaces the Innovation Camp). Fails with %KLYNGE_ERROR_BAD_ID when
 * @replaces is not an XML NCName and with %KLYNGE_ERROR_INCONSISTENT when
 * it is the initiative's own id, leaving the value as it was.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_initiative_set_replaces (KlyngeInitiative  *self,
                                const char        *replaces,
                                GError           **error)
{
  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (replaces != NULL &&
      !_klynge_record_check_other_id (KLYNGE_RECORD (self), replaces, "replaces",
                                      "Initiative", "replace", error))
    return FALSE;

  _klynge_record_store_string (G_OBJECT (self), &self->replaces, replaces,
                               properties[PROP_REPLACES]);
  return TRUE;
}

/**
 * klynge_initiative_get_participants:
 * @self: a #KlyngeInitiative
 *
 * The ids of the participants, organisations and members alike, in the
 * order they were added (klynge_initiative_participant_is_member() tells
 * which is which). The array belongs to @self and changes when
 * participants are added or cleared.
 *
 * Returns: (array zero-terminated=1) (transfer none): the participants
 */
const char * const *
klynge_initiative_get_participants (KlyngeInitiative *self)
{
  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), NULL);

  return _klynge_strv_array_get (self->participants);
}

static gboolean
add_participant (KlyngeInitiative  *self,
                 const char        *id,
                 gboolean           member,
                 GError           **error)
{
  ParticipantInfo info = { 0, member };

  if (!_klynge_check_id (id, "participant", error))
    return FALSE;

  if (_klynge_strv_array_contains (self->participants, id))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_DUPLICATE_ID,
                   "“%s” already takes part in initiative “%s”",
                   id, klynge_record_get_id (KLYNGE_RECORD (self)));
      return FALSE;
    }

  g_ptr_array_add (self->participants, g_strdup (id));
  g_array_append_val (self->participant_info, info);
  return TRUE;
}

/**
 * klynge_initiative_add_participant:
 * @self: a #KlyngeInitiative
 * @id: the id of a participating organisation
 * @error: return location for a #GError, or %NULL
 *
 * Appends an organisation as a participant. Fails with
 * %KLYNGE_ERROR_BAD_ID when @id is not an XML NCName and with
 * %KLYNGE_ERROR_DUPLICATE_ID when it already takes part, leaving the
 * participants as they were. A %NULL @id is a programmer error.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_initiative_add_participant (KlyngeInitiative  *self,
                                   const char        *id,
                                   GError           **error)
{
  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return add_participant (self, id, FALSE, error);
}

/**
 * klynge_initiative_add_member_participant:
 * @self: a #KlyngeInitiative
 * @id: the id of a participating member, such as a company
 * @error: return location for a #GError, or %NULL
 *
 * Appends a member as a participant: a company that took part without
 * being an organisation of the landscape. A member participant makes the
 * initiative need format version 2. Fails as
 * klynge_initiative_add_participant() does.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_initiative_add_member_participant (KlyngeInitiative  *self,
                                          const char        *id,
                                          GError           **error)
{
  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return add_participant (self, id, TRUE, error);
}

/**
 * klynge_initiative_participant_is_member:
 * @self: a #KlyngeInitiative
 * @index: a position in klynge_initiative_get_participants()
 *
 * An @index past the last participant is a programmer error.
 *
 * Returns: %TRUE when the participant at @index was added as a member,
 *   %FALSE when as an organisation
 */
gboolean
klynge_initiative_participant_is_member (KlyngeInitiative *self,
                                         guint             index)
{
  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), FALSE);
  g_return_val_if_fail (index < self->participant_info->len, FALSE);

  return g_array_index (self->participant_info, ParticipantInfo, index).member;
}

/* The reader's: the line of the <participant> just added. */
void
_klynge_initiative_set_last_participant_line (KlyngeInitiative *self,
                                              guint             line)
{
  g_return_if_fail (KLYNGE_IS_INITIATIVE (self));
  g_return_if_fail (self->participant_info->len > 0);

  g_array_index (self->participant_info, ParticipantInfo, self->participant_info->len - 1).line = line;
}

/* The line of the participant at @index in
 * klynge_initiative_get_participants(); 0 when it was not loaded. */
guint
_klynge_initiative_get_participant_line (KlyngeInitiative *self,
                                         guint             index)
{
  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), 0);
  g_return_val_if_fail (index < self->participant_info->len, 0);

  return g_array_index (self->participant_info, ParticipantInfo, index).line;
}

/* Applying a merger: organisation @old's place among the participants
 * goes to organisation @successor; when @successor already takes part, it
 * keeps the earlier of the two places. Member participants and the
 * others' lines stay as they were. */
void
_klynge_initiative_replace_participant (KlyngeInitiative *self,
                                        const char       *old,
                                        const char       *successor)
{
  guint at, there;

  g_return_if_fail (KLYNGE_IS_INITIATIVE (self));

  if (!g_ptr_array_find_with_equal_func (self->participants, old, g_str_equal, &at)
      || g_array_index (self->participant_info, ParticipantInfo, at).member)
    return;
  if (!g_ptr_array_find_with_equal_func (self->participants, successor, g_str_equal, &there))
    there = G_MAXUINT;
  if (there < at)
    {
      g_ptr_array_remove_index (self->participants, at);
      g_array_remove_index (self->participant_info, at);
      return;
    }
  g_free (g_ptr_array_index (self->participants, at));
  g_ptr_array_index (self->participants, at) = g_strdup (successor);
  if (there != G_MAXUINT)
    {
      g_ptr_array_remove_index (self->participants, there);
      g_array_remove_index (self->participant_info, there);
    }
}

/**
 * klynge_initiative_clear_participants:
 * @self: a #KlyngeInitiative
 *
 * Removes all participants, organisations and members. The participants
 * count, if stated, stays.
 */
void
klynge_initiative_clear_participants (KlyngeInitiative *self)
{
  g_return_if_fail (KLYNGE_IS_INITIATIVE (self));

  g_ptr_array_set_size (self->participants, 0);
  g_array_set_size (self->participant_info, 0);
}

/**
 * klynge_initiative_get_participants_count:
 * @self: a #KlyngeInitiative
 *
 * The number of participants a source states, which may be more than the
 * initiative lists (see klynge_initiative_count_participants()).
 *
 * Returns: the stated count, or -1 when none is stated
 */
gint64
klynge_initiative_get_participants_count (KlyngeInitiative *self)
{
  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), -1);

  return self->participants_count;
}

/**
 * klynge_initiative_set_participants_count:
 * @self: a #KlyngeInitiative
 * @count: how many took part, as a source states it
 * @error: return location for a #GError, or %NULL
 *
 * States how many took part, for when a source gives a number but not
 * (all) the names; the initiative then needs format version 2. Fails with
 * %KLYNGE_ERROR_BAD_VALUE when @count is above
 * %KLYNGE_INITIATIVE_PARTICIPANTS_COUNT_MAX, leaving the count as it was.
 *
 * A count below the number of listed participants contradicts them; as it
 * may be set before they are added, that is not refused here but found by
 * klynge_landscape_validate() (and refused by klynge_landscape_add(), a
 * save and a load) as %KLYNGE_ERROR_PARTICIPANTS_COUNT_TOO_LOW.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_initiative_set_participants_count (KlyngeInitiative  *self,
                                          guint64            count,
                                          GError           **error)
{
  g_return_val_if_fail (KLYNGE_IS_INITIATIVE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (count > KLYNGE_INITIATIVE_PARTICIPANTS_COUNT_MAX)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_VALUE,
                   "participants count %" G_GUINT64_FORMAT " of initiative “%s” is above %" G_GINT64_FORMAT,
                   count, klynge_record_get_id (KLYNGE_RECORD (self)),
                   KLYNGE_INITIATIVE_PARTICIPANTS_COUNT_MAX);
      return FALSE;
    }
  if (self->participants_count != (gint64) count)
    {
      self->participants_count = (gint64) count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANTS_COUNT]);
    }
  return TRUE;
}

/**
 * klynge_initiative_unset_participants_count:
 * @self: a #KlyngeInitiative
 *
 * Takes back a stated participants count.
 */
void
klynge_initiative_unset_participants_count (KlyngeInitiative *self)
{
  g_return_if_fail (KLYNGE_IS_INITIATIVE (self));

  if (self->participants_count < 0)
    return;
  self->participants_count = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANTS_COUNT]);
}

/**
 * klynge_initiative_count_participants:
 * @self: a #KlyngeInitiative
 * @count: (out caller-allocates): how many took part
 *
 * What is known of how many took part: exactly the stated participants
 * count when there is one; otherwise the listed participants are those
 * the sources name, so at least their number, and not known when none is
 * listed (see klynge_count_init()).
 */
void
klynge_initiative_count_participants (KlyngeInitiative *self,
                                      KlyngeCount      *count)
{
  g_return_if_fail (KLYNGE_IS_INITIATIVE (self));
  g_return_if_fail (count != NULL);

  if (self->participants_count >= 0)
    klynge_count_init (count, (guint64) self->participants_count, TRUE);
  else
    klynge_count_init (count, self->participants->len, FALSE);
}

/* The one check of a stated count against the list, for the loader,
 * klynge_landscape_add(), validate() and a save. */
gboolean
_klynge_initiative_check_participants_count (KlyngeInitiative  *self,
                                             GError           **error)
{
  if (self->participants_count < 0 || (guint64) self->participants_count >= self->participants->len)
    return TRUE;
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARTICIPANTS_COUNT_TOO_LOW,
               "initiative “%s” states %" G_GINT64_FORMAT " participant%s but lists %u",
               klynge_record_get_id (KLYNGE_RECORD (self)), self->participants_count,
               self->participants_count == 1 ? "" : "s", self->participants->len);
  return FALSE;
}
