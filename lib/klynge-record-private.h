/* klynge-record-private.h: helpers the record kinds share for their fields
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every kind stores its fields the same way: a setter checks the value,
 * stores it and notifies only on a change; a property that refuses a value
 * is a programmer error. These helpers, in klynge-record.c, keep each of
 * those rules in one place.
 */
#pragma once

#include "klynge-private.h"

G_BEGIN_DECLS

/* The flags of a record's read-write properties: setters notify only on
 * a change, so notification is explicit. */
#define KLYNGE_PARAM_READWRITE \
  (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

G_STATIC_ASSERT (sizeof (KlyngeMemberKind) == sizeof (int));
G_STATIC_ASSERT (sizeof (KlyngeMemberSize) == sizeof (int));
G_STATIC_ASSERT (sizeof (KlyngeOrganisationKind) == sizeof (int));
G_STATIC_ASSERT (sizeof (KlyngeInitiativeKind) == sizeof (int));
G_STATIC_ASSERT (sizeof (KlyngeInitiativeTheme) == sizeof (int));
G_STATIC_ASSERT (sizeof (KlyngeMergerKind) == sizeof (int));
G_STATIC_ASSERT (sizeof (KlyngeMergerStatus) == sizeof (int));
G_STATIC_ASSERT (sizeof (KlyngeFundingSourceKind) == sizeof (int));
G_STATIC_ASSERT (sizeof (KlyngeProgrammeKind) == sizeof (int));

/* Stores @value in @field; notifies @pspec on @object when it changed. */
void         _klynge_record_store_string   (GObject           *object,
                                            char             **field,
                                            const char        *value,
                                            GParamSpec        *pspec);
/* @field is an enum member of the instance, passed as (int *): the enums
 * it takes are int-sized, as GValue's enum functions assume too. */
void         _klynge_record_store_enum     (GObject           *object,
                                            int               *field,
                                            int                value,
                                            GParamSpec        *pspec);
void         _klynge_record_store_date     (GObject           *object,
                                            KlyngeDate        *field,
                                            const KlyngeDate  *value,
                                            GParamSpec        *pspec);

/* What a string field holds, for _klynge_record_set_string(). */
typedef enum {
  KLYNGE_STRING_TEXT,           /* non-empty text, see _klynge_check_text() */
  KLYNGE_STRING_ID,             /* an id, see _klynge_check_id() */
  KLYNGE_STRING_CVR             /* a CVR number, see _klynge_check_cvr() */
} KlyngeStringRule;

/* The setter of a string field: checks @value by @rule (@what names the
 * field in messages), failing as that check does and leaving @field as it
 * was, then stores it as _klynge_record_store_string() does. A %NULL
 * @value passes: required fields refuse it before. */
gboolean     _klynge_record_set_string     (GObject           *object,
                                            char             **field,
                                            const char        *value,
                                            KlyngeStringRule   rule,
                                            const char        *what,
                                            GParamSpec        *pspec,
                                            GError           **error);

/* Checks an optional reference from @self to another record of its kind,
 * such as the contract a contract renews: @id must be an NCName (@what
 * names it) other than @self's own id, which fails with
 * %KLYNGE_ERROR_INCONSISTENT as "@label “id” cannot @verb itself". */
gboolean     _klynge_record_check_other_id (KlyngeRecord      *self,
                                            const char        *id,
                                            const char        *what,
                                            const char        *label,
                                            const char        *verb,
                                            GError           **error);

/* Dates go through properties as NULL when unset, as Python expects. */
void         _klynge_record_value_set_date (GValue            *value,
                                            const KlyngeDate  *date);

/* Checks an optional date argument (@what names it in the message) and
 * stores it, unset for NULL, in @out. */
gboolean     _klynge_record_take_optional_date (const KlyngeDate  *date,
                                                const char        *what,
                                                KlyngeDate        *out,
                                                GError           **error);

/* Checks an optional start and end (as _klynge_record_take_optional_date()
 * does) and that @end does not come before @start: a partial @start
 * stands for its first day, a partial @end for its last. Fails with
 * %KLYNGE_ERROR_BAD_PERIOD as "@label “@id” would end before it starts",
 * leaving @out_start and @out_end alone. */
gboolean     _klynge_record_take_dates     (const KlyngeDate  *start,
                                            const KlyngeDate  *end,
                                            KlyngeDate        *out_start,
                                            KlyngeDate        *out_end,
                                            const char        *label,
                                            const char        *id,
                                            GError           **error);

/* Ends a set_property: a value the setter refused (@error, may be NULL) is
 * a programmer error through a property. */
void         _klynge_record_check_property_set (GObject           *object,
                                                GParamSpec        *pspec,
                                                const GError      *error);

/* A NULL-terminated GPtrArray of owned strings, such as a list of ids. */
const char * const *_klynge_strv_array_get     (GPtrArray         *array);
gboolean     _klynge_strv_array_contains       (GPtrArray         *array,
                                                const char        *str);

G_END_DECLS
