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

G_STATIC_ASSERT (sizeof (KlyngeMemberKind) == sizeof (int));
G_STATIC_ASSERT (sizeof (KlyngeMemberSize) == sizeof (int));
G_STATIC_ASSERT (sizeof (KlyngeOrganisationKind) == sizeof (int));
G_STATIC_ASSERT (sizeof (KlyngeInitiativeKind) == sizeof (int));
G_STATIC_ASSERT (sizeof (KlyngeInitiativeTheme) == sizeof (int));
G_STATIC_ASSERT (sizeof (KlyngeMergerKind) == sizeof (int));
G_STATIC_ASSERT (sizeof (KlyngeMergerStatus) == sizeof (int));
G_STATIC_ASSERT (sizeof (KlyngeFundingSourceKind) == sizeof (int));

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

/* Dates go through properties as NULL when unset, as Python expects. */
void         _klynge_record_value_set_date (GValue            *value,
                                            const KlyngeDate  *date);

/* Checks an optional date argument (@what names it in the message) and
 * stores it, unset for NULL, in @out. */
gboolean     _klynge_record_take_optional_date (const KlyngeDate  *date,
                                                const char        *what,
                                                KlyngeDate        *out,
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
