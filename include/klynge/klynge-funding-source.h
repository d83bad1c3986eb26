/* klynge-funding-source.h: the bodies whose money funds the landscape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>
#include <klynge/klynge-record.h>
#include <klynge/klynge-identifier.h>

G_BEGIN_DECLS

/**
 * KlyngeFundingSourceKind:
 * @KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY: a national agency or board
 *   (`national-agency`)
 * @KLYNGE_FUNDING_SOURCE_KIND_REGIONAL: a region or regional growth forum
 *   (`regional`)
 * @KLYNGE_FUNDING_SOURCE_KIND_EU_PROGRAMME: an EU programme such as the
 *   ERDF (`eu-programme`)
 * @KLYNGE_FUNDING_SOURCE_KIND_PRIVATE: a private foundation or company
 *   (`private`)
 * @KLYNGE_FUNDING_SOURCE_KIND_MEMBERSHIP_FEES: members' fees
 *   (`membership-fees`)
 *
 * What a funding source is.
 */
typedef enum {
  KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY,
  KLYNGE_FUNDING_SOURCE_KIND_REGIONAL,
  KLYNGE_FUNDING_SOURCE_KIND_EU_PROGRAMME,
  KLYNGE_FUNDING_SOURCE_KIND_PRIVATE,
  KLYNGE_FUNDING_SOURCE_KIND_MEMBERSHIP_FEES,
} KlyngeFundingSourceKind;

GType klynge_funding_source_kind_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_FUNDING_SOURCE_KIND (klynge_funding_source_kind_get_type ())

#define KLYNGE_TYPE_FUNDING_SOURCE (klynge_funding_source_get_type ())
G_DECLARE_FINAL_TYPE (KlyngeFundingSource, klynge_funding_source, KLYNGE, FUNDING_SOURCE, KlyngeRecord)

KlyngeFundingSource     *klynge_funding_source_new        (const char              *id,
                                                           KlyngeFundingSourceKind  kind,
                                                           const char              *name);
const char              *klynge_funding_source_get_name   (KlyngeFundingSource     *self);
gboolean                 klynge_funding_source_set_name   (KlyngeFundingSource     *self,
                                                           const char              *name,
                                                           GError                 **error);
KlyngeFundingSourceKind  klynge_funding_source_get_kind   (KlyngeFundingSource     *self);
void                     klynge_funding_source_set_kind   (KlyngeFundingSource     *self,
                                                           KlyngeFundingSourceKind  kind);
const char              *klynge_funding_source_get_parent (KlyngeFundingSource     *self);
gboolean                 klynge_funding_source_set_parent (KlyngeFundingSource     *self,
                                                           const char              *parent,
                                                           GError                 **error);

GPtrArray               *klynge_funding_source_get_identifiers (KlyngeFundingSource *self);
gboolean                 klynge_funding_source_add_identifier  (KlyngeFundingSource  *self,
                                                                KlyngeIdentifier     *identifier,
                                                                GError              **error);
void                     klynge_funding_source_clear_identifiers (KlyngeFundingSource *self);

G_END_DECLS
