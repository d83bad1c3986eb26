/* klynge-enums.c: the enumeration types of the records, and nick lookup
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every enum's nicks are exactly its XML values (docs/format.md), so the
 * reader and writer translate through _klynge_enum_from_nick() and
 * _klynge_enum_to_nick() and never keep tables of their own; the report
 * texts and the tool use them too, through the public
 * klynge_enum_to_nick() and klynge_enum_from_nick().
 */
#include "config.h"

#include <string.h>

#include "klynge-private.h"

G_DEFINE_ENUM_TYPE (KlyngeOrganisationKind, klynge_organisation_kind,
  G_DEFINE_ENUM_VALUE (KLYNGE_ORGANISATION_KIND_CLUSTER, "cluster"),
  G_DEFINE_ENUM_VALUE (KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK, "innovation-network"),
  G_DEFINE_ENUM_VALUE (KLYNGE_ORGANISATION_KIND_SUPPORT_BODY, "support-body"),
  G_DEFINE_ENUM_VALUE (KLYNGE_ORGANISATION_KIND_AGENCY, "agency"),
  G_DEFINE_ENUM_VALUE (KLYNGE_ORGANISATION_KIND_OTHER, "other"))

G_DEFINE_ENUM_TYPE (KlyngeLabelLevel, klynge_label_level,
  G_DEFINE_ENUM_VALUE (KLYNGE_LABEL_LEVEL_BRONZE, "bronze"),
  G_DEFINE_ENUM_VALUE (KLYNGE_LABEL_LEVEL_SILVER, "silver"),
  G_DEFINE_ENUM_VALUE (KLYNGE_LABEL_LEVEL_GOLD, "gold"))

G_DEFINE_ENUM_TYPE (KlyngeOrganisationStatus, klynge_organisation_status,
  G_DEFINE_ENUM_VALUE (KLYNGE_ORGANISATION_STATUS_NOT_YET_FOUNDED, "not-yet-founded"),
  G_DEFINE_ENUM_VALUE (KLYNGE_ORGANISATION_STATUS_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (KLYNGE_ORGANISATION_STATUS_DISSOLVED, "dissolved"),
  G_DEFINE_ENUM_VALUE (KLYNGE_ORGANISATION_STATUS_MERGED, "merged"),
  G_DEFINE_ENUM_VALUE (KLYNGE_ORGANISATION_STATUS_NOT_KNOWN, "not-known"))

G_DEFINE_ENUM_TYPE (KlyngeCountCertainty, klynge_count_certainty,
  G_DEFINE_ENUM_VALUE (KLYNGE_COUNT_CERTAINTY_EXACT, "exact"),
  G_DEFINE_ENUM_VALUE (KLYNGE_COUNT_CERTAINTY_AT_LEAST, "at-least"),
  G_DEFINE_ENUM_VALUE (KLYNGE_COUNT_CERTAINTY_UNKNOWN, "unknown"))

G_DEFINE_ENUM_TYPE (KlyngeMemberList, klynge_member_list,
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBER_LIST_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBER_LIST_PARTIAL, "partial"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBER_LIST_COMPLETE, "complete"))

G_DEFINE_ENUM_TYPE (KlyngeMemberKind, klynge_member_kind,
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBER_KIND_COMPANY, "company"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBER_KIND_KNOWLEDGE_INSTITUTION, "knowledge-institution"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBER_KIND_PUBLIC, "public"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBER_KIND_OTHER, "other"))

/* "unknown" is never written: a member of unknown size has no size
 * attribute. It has a nick all the same, as every GEnumValue needs one. */
G_DEFINE_ENUM_TYPE (KlyngeMemberSize, klynge_member_size,
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBER_SIZE_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBER_SIZE_MICRO, "micro"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBER_SIZE_SMALL, "small"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBER_SIZE_MEDIUM, "medium"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBER_SIZE_SME, "sme"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBER_SIZE_LARGE, "large"))

G_DEFINE_ENUM_TYPE (KlyngeFundingSourceKind, klynge_funding_source_kind,
  G_DEFINE_ENUM_VALUE (KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY, "national-agency"),
  G_DEFINE_ENUM_VALUE (KLYNGE_FUNDING_SOURCE_KIND_REGIONAL, "regional"),
  G_DEFINE_ENUM_VALUE (KLYNGE_FUNDING_SOURCE_KIND_EU_PROGRAMME, "eu-programme"),
  G_DEFINE_ENUM_VALUE (KLYNGE_FUNDING_SOURCE_KIND_PRIVATE, "private"),
  G_DEFINE_ENUM_VALUE (KLYNGE_FUNDING_SOURCE_KIND_MEMBERSHIP_FEES, "membership-fees"))

G_DEFINE_ENUM_TYPE (KlyngeMergerKind, klynge_merger_kind,
  G_DEFINE_ENUM_VALUE (KLYNGE_MERGER_KIND_MERGER, "merger"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MERGER_KIND_ABSORPTION, "absorption"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MERGER_KIND_TRANSFER, "transfer"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MERGER_KIND_RENAME, "rename"))

G_DEFINE_ENUM_TYPE (KlyngeMergerStatus, klynge_merger_status,
  G_DEFINE_ENUM_VALUE (KLYNGE_MERGER_STATUS_PROPOSED, "proposed"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MERGER_STATUS_AGREED, "agreed"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MERGER_STATUS_COMPLETED, "completed"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MERGER_STATUS_CANCELLED, "cancelled"))

G_DEFINE_ENUM_TYPE (KlyngeInitiativeKind, klynge_initiative_kind,
  G_DEFINE_ENUM_VALUE (KLYNGE_INITIATIVE_KIND_EVENT, "event"),
  G_DEFINE_ENUM_VALUE (KLYNGE_INITIATIVE_KIND_NETWORK, "network"),
  G_DEFINE_ENUM_VALUE (KLYNGE_INITIATIVE_KIND_SERVICE, "service"),
  G_DEFINE_ENUM_VALUE (KLYNGE_INITIATIVE_KIND_CAMPAIGN, "campaign"),
  G_DEFINE_ENUM_VALUE (KLYNGE_INITIATIVE_KIND_PROGRAMME, "programme"))

G_DEFINE_ENUM_TYPE (KlyngeInitiativeTheme, klynge_initiative_theme,
  G_DEFINE_ENUM_VALUE (KLYNGE_INITIATIVE_THEME_CONSOLIDATION, "consolidation"),
  G_DEFINE_ENUM_VALUE (KLYNGE_INITIATIVE_THEME_PROFESSIONALISATION, "professionalisation"),
  G_DEFINE_ENUM_VALUE (KLYNGE_INITIATIVE_THEME_GLOBALISATION, "globalisation"),
  G_DEFINE_ENUM_VALUE (KLYNGE_INITIATIVE_THEME_BRANDING, "branding"))

G_DEFINE_ENUM_TYPE (KlyngeProgrammeKind, klynge_programme_kind,
  G_DEFINE_ENUM_VALUE (KLYNGE_PROGRAMME_KIND_CLUSTER_PROGRAMME, "cluster-programme"),
  G_DEFINE_ENUM_VALUE (KLYNGE_PROGRAMME_KIND_INNOVATION_NETWORK_PROGRAMME, "innovation-network-programme"),
  G_DEFINE_ENUM_VALUE (KLYNGE_PROGRAMME_KIND_TRANSITION_POOL, "transition-pool"),
  G_DEFINE_ENUM_VALUE (KLYNGE_PROGRAMME_KIND_OTHER, "other"))

G_DEFINE_ENUM_TYPE (KlyngeDesignationRole, klynge_designation_role,
  G_DEFINE_ENUM_VALUE (KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER, "national-cluster"),
  G_DEFINE_ENUM_VALUE (KLYNGE_DESIGNATION_ROLE_INNOVATION_NETWORK, "innovation-network"),
  G_DEFINE_ENUM_VALUE (KLYNGE_DESIGNATION_ROLE_SUPPORT_BODY, "support-body"),
  G_DEFINE_ENUM_VALUE (KLYNGE_DESIGNATION_ROLE_OTHER, "other"))

G_DEFINE_ENUM_TYPE (KlyngeMembershipRole, klynge_membership_role,
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBERSHIP_ROLE_MEMBER, "member"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBERSHIP_ROLE_PARTNER, "partner"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT, "participant"))

/* "none" is never written: a membership with no stated reason has no end
 * attribute; it has a nick as every GEnumValue needs one. */
G_DEFINE_ENUM_TYPE (KlyngeMembershipEnd, klynge_membership_end,
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBERSHIP_END_NONE, "none"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBERSHIP_END_LEFT, "left"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBERSHIP_END_MERGED, "merged"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBERSHIP_END_DISSOLVED, "dissolved"),
  G_DEFINE_ENUM_VALUE (KLYNGE_MEMBERSHIP_END_UNKNOWN, "unknown"))

G_DEFINE_ENUM_TYPE (KlyngeIdentifierScheme, klynge_identifier_scheme,
  G_DEFINE_ENUM_VALUE (KLYNGE_IDENTIFIER_SCHEME_CVR, "cvr"),
  G_DEFINE_ENUM_VALUE (KLYNGE_IDENTIFIER_SCHEME_P_NUMBER, "p-number"),
  G_DEFINE_ENUM_VALUE (KLYNGE_IDENTIFIER_SCHEME_LEI, "lei"),
  G_DEFINE_ENUM_VALUE (KLYNGE_IDENTIFIER_SCHEME_WIKIDATA, "wikidata"),
  G_DEFINE_ENUM_VALUE (KLYNGE_IDENTIFIER_SCHEME_ECCP, "eccp"),
  G_DEFINE_ENUM_VALUE (KLYNGE_IDENTIFIER_SCHEME_ORG_ID, "org-id"),
  G_DEFINE_ENUM_VALUE (KLYNGE_IDENTIFIER_SCHEME_OTHER, "other"))

/* The class of an enum type, referenced once and then kept for the life of
 * the process: after the first call g_type_class_peek() finds it without
 * touching a reference count, which matters on the loader's hot path. A
 * race between two first calls only takes one extra reference. */
static GEnumClass *
get_enum_class (GType type)
{
  gpointer klass = g_type_class_peek (type);

  if (G_UNLIKELY (klass == NULL))
    klass = g_type_class_ref (type);

  return klass;
}

/*
 * _klynge_enum_from_nick:
 * @type: a registered enum #GType
 * @nick: (nullable): a nick, such as `innovation-network`
 * @value: (out): where to store the value
 *
 * Looks @nick up among @type's values. The match is exact: no trimming,
 * no case folding.
 *
 * Returns: %TRUE and sets @value when @nick names a value of @type;
 *   %FALSE, leaving @value alone, otherwise
 */
gboolean
_klynge_enum_from_nick (GType       type,
                        const char *nick,
                        int        *value)
{
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  enum_value = g_enum_get_value_by_nick (get_enum_class (type), nick);
  if (enum_value == NULL)
    return FALSE;

  *value = enum_value->value;
  return TRUE;
}

/*
 * _klynge_enum_from_nick_len:
 * @type: a registered enum #GType
 * @nick: the text, not necessarily NUL-terminated
 * @length: its length in bytes
 * @value: (out): where to store the value
 *
 * As _klynge_enum_from_nick(), for a value as the parser hands it over:
 * the bulk path reads a membership's role this way, millions of times,
 * without copying it.
 *
 * Returns: %TRUE and sets @value when @nick names a value of @type
 */
gboolean
_klynge_enum_from_nick_len (GType       type,
                            const char *nick,
                            gsize       length,
                            int        *value)
{
  GEnumClass *klass = get_enum_class (type);

  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *candidate = klass->values[i].value_nick;

      if (strncmp (candidate, nick, length) == 0 && candidate[length] == '\0')
        {
          *value = klass->values[i].value;
          return TRUE;
        }
    }
  return FALSE;
}

/*
 * _klynge_enum_to_nick:
 * @type: a registered enum #GType
 * @value: a value
 *
 * Returns: (transfer none) (nullable): the static nick of @value, or %NULL
 *   when @value is not one of @type's values
 */
const char *
_klynge_enum_to_nick (GType type,
                      int   value)
{
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), NULL);

  enum_value = g_enum_get_value (get_enum_class (type), value);
  return enum_value != NULL ? enum_value->value_nick : NULL;
}

/**
 * klynge_enum_to_nick:
 * @enum_type: the #GType of one of klynge's enums, such as
 *   %KLYNGE_TYPE_ORGANISATION_KIND
 * @value: a value of @enum_type
 *
 * The name that the XML format and the `klynge` tool give @value, such
 * as `innovation-network` for %KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK.
 * An @enum_type that is not an enum type is a programmer error.
 *
 * Returns: (transfer none) (nullable): the name, a static string; %NULL
 *   when @value is not one of @enum_type's values
 */
const char *
klynge_enum_to_nick (GType enum_type,
                     int   value)
{
  return _klynge_enum_to_nick (enum_type, value);
}

/**
 * klynge_enum_from_nick:
 * @enum_type: the #GType of one of klynge's enums, such as
 *   %KLYNGE_TYPE_ORGANISATION_KIND
 * @nick: (nullable): a name as the XML format writes it, such as `cluster`
 * @value: (out): where to store the value
 *
 * The value of @enum_type that the XML format calls @nick. The match is
 * exact: no trimming, no case folding. An @enum_type that is not an enum
 * type is a programmer error.
 *
 * Returns: %TRUE and sets @value when @nick names a value of @enum_type;
 *   %FALSE, leaving @value alone, otherwise
 */
gboolean
klynge_enum_from_nick (GType       enum_type,
                       const char *nick,
                       int        *value)
{
  return _klynge_enum_from_nick (enum_type, nick, value);
}

G_DEFINE_ENUM_TYPE (KlyngeAreaKind, klynge_area_kind,
  G_DEFINE_ENUM_VALUE (KLYNGE_AREA_KIND_NOT_STATED, "not-stated"),
  G_DEFINE_ENUM_VALUE (KLYNGE_AREA_KIND_STRONGHOLD, "stronghold"),
  G_DEFINE_ENUM_VALUE (KLYNGE_AREA_KIND_EMERGING, "emerging"))
