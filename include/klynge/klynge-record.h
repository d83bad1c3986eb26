/* klynge-record.h: the base of every record: id, sources and note
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>
#include <klynge/klynge-source.h>

G_BEGIN_DECLS

#define KLYNGE_TYPE_RECORD (klynge_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (KlyngeRecord, klynge_record, KLYNGE, RECORD, GObject)

/**
 * KlyngeRecordClass:
 * @parent_class: the parent class
 * @element_name: the XML element name of records of this kind, such as
 *   `organisation`; also the `kind` of klynge_landscape_list()
 *
 * The class of #KlyngeRecord.
 */
struct _KlyngeRecordClass
{
  GObjectClass parent_class;

  const char *element_name;

  /*< private >*/
  /* Calls a KlyngeReferenceFunc (lib/klynge-private.h) for each record
   * this one names; kinds that name none leave it NULL. It took the first
   * of eight padding slots, so the class keeps its size and layout. */
  void (*foreach_reference) (KlyngeRecord *self,
                             GCallback     func,
                             gpointer      user_data);
  /* The version of the format that the record needs in its current
   * state (2 for a programme, or a contract that names one); NULL means
   * 1. A save writes the highest over the landscape's records, so a
   * landscape without anything newer saves as it did. It took the second
   * padding slot. */
  guint (*format_version) (KlyngeRecord *self);
  /* The identifiers in outside registers the record carries, a
   * GPtrArray of KlyngeIdentifier owned by it; NULL for kinds that carry
   * none. It took the third padding slot. */
  GPtrArray *(*get_identifiers) (KlyngeRecord *self);

  gpointer padding[5];
};

const char  *klynge_record_get_id          (KlyngeRecord  *self);
const char  *klynge_record_get_kind_name   (KlyngeRecord  *self);
const char  *klynge_record_get_note        (KlyngeRecord  *self);
gboolean     klynge_record_set_note        (KlyngeRecord  *self,
                                            const char    *note,
                                            GError       **error);
GPtrArray   *klynge_record_get_sources     (KlyngeRecord  *self);
guint        klynge_record_get_n_sources   (KlyngeRecord  *self);
KlyngeSource *klynge_record_get_source     (KlyngeRecord  *self,
                                            guint          index);
void         klynge_record_add_source      (KlyngeRecord  *self,
                                            KlyngeSource  *source);
gboolean     klynge_record_add_source_href (KlyngeRecord  *self,
                                            const char    *href,
                                            const KlyngeDate *accessed,
                                            GError       **error);
void         klynge_record_clear_sources   (KlyngeRecord  *self);
guint        klynge_record_get_line        (KlyngeRecord  *self);

G_END_DECLS
