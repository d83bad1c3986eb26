/* klynge-area.c: the business and technology areas klynge knows
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The vocabulary is data/areas.tsv, compiled into the library, read once
 * on first use and kept for the life of the program: after that it is
 * only read, so any thread may use it without a lock. The rules for
 * comparing an area's text (the fold) and for what an area's text names
 * live here, for the records and the filters to share.
 */
#include "config.h"

#include <string.h>

#include "klynge-private.h"
#include "klynge-resources.h"

#define AREAS_RESOURCE "/dk/klynge/landscape/areas.tsv"
#define LABEL_EN_BY_KLYNGE "klynge"

/**
 * SECTION:klynge-area
 * @title: Areas
 * @short_description: the business and technology areas of a scheme
 *
 * Focus areas and designations name business and technology areas. An
 * area in the scheme %KLYNGE_AREA_SCHEME_OTHER is free text; an area in a
 * scheme klynge ships, such as `klyngeprogram-2021` (the areas of the
 * Danish cluster programme 2021–2024), must be one of that scheme's
 * areas, named by its Danish or its English label. Labels are compared
 * without regard to case or Unicode normalisation, so `energy
 * technology` names the area `Energiteknologi`.
 *
 * Each area says where its Danish label comes from, and whether its
 * English label is a source's wording or klynge's own translation
 * (klynge_area_is_label_en_translated()).
 */

struct _KlyngeArea
{
  char *scheme;
  char *id;
  char *label;
  char *label_en;
  char *label_en_source;        /* NULL when klynge translated the label */
  KlyngeAreaKind kind;
  char *source;
  /* the labels as _klynge_area_fold() gives them */
  char *folded_label;
  char *folded_label_en;
};

typedef struct {
  GPtrArray *areas;             /* of KlyngeArea, in the file's order */
  GPtrArray *schemes;           /* NULL-terminated, in the file's order, then "other" */
} Vocabulary;

static void
area_clear (KlyngeArea *area)
{
  g_free (area->scheme);
  g_free (area->id);
  g_free (area->label);
  g_free (area->label_en);
  g_free (area->label_en_source);
  g_free (area->source);
  g_free (area->folded_label);
  g_free (area->folded_label_en);
}

/**
 * klynge_area_ref:
 * @area: an area
 *
 * Returns: (transfer full): @area
 */
KlyngeArea *
klynge_area_ref (KlyngeArea *area)
{
  g_return_val_if_fail (area != NULL, NULL);

  return g_atomic_rc_box_acquire (area);
}

/**
 * klynge_area_unref:
 * @area: (transfer full): an area
 *
 * Drops a reference to @area.
 */
void
klynge_area_unref (KlyngeArea *area)
{
  g_return_if_fail (area != NULL);

  g_atomic_rc_box_release_full (area, (GDestroyNotify) area_clear);
}

G_DEFINE_BOXED_TYPE (KlyngeArea, klynge_area, klynge_area_ref, klynge_area_unref)

/* Text as areas compare it: normalised (so that a composed "ø" and a
 * decomposed one are the same) and case-folded. */
char *
_klynge_area_fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  /* text that is not UTF-8 folds to nothing that any label contains */
  return normalized != NULL ? g_utf8_casefold (normalized, -1) : g_strdup ("");
}

/* One line of the file; FALSE when it is malformed, which is a defect of
 * the file the library was built with. */
static gboolean
parse_line (const char *line,
            Vocabulary *vocabulary)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);
  KlyngeArea *area;
  int kind = KLYNGE_AREA_KIND_NOT_STATED;

  if (g_strv_length (fields) != 7
      || !_klynge_check_id (fields[0], "scheme", NULL)
      || !_klynge_check_id (fields[1], "id", NULL)
      || (strcmp (fields[2], "-") != 0
          && !_klynge_enum_from_nick (KLYNGE_TYPE_AREA_KIND, fields[2], &kind)))
    return FALSE;

  area = g_atomic_rc_box_new0 (KlyngeArea);
  area->scheme = g_strdup (fields[0]);
  area->id = g_strdup (fields[1]);
  area->kind = kind;
  area->label = g_strdup (fields[3]);
  area->label_en = g_strdup (fields[4]);
  if (strcmp (fields[5], LABEL_EN_BY_KLYNGE) != 0)
    area->label_en_source = g_strdup (fields[5]);
  area->source = g_strdup (fields[6]);
  area->folded_label = _klynge_area_fold (area->label);
  area->folded_label_en = _klynge_area_fold (area->label_en);
  g_ptr_array_add (vocabulary->areas, area);

  if (!g_ptr_array_find_with_equal_func (vocabulary->schemes, area->scheme, g_str_equal, NULL))
    g_ptr_array_add (vocabulary->schemes, g_strdup (area->scheme));
  return TRUE;
}

static gpointer
read_vocabulary (gpointer data)
{
  Vocabulary *vocabulary = g_new0 (Vocabulary, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  const char *contents;
  gsize size;

  vocabulary->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_area_unref);
  vocabulary->schemes = g_ptr_array_new_null_terminated (2, g_free, TRUE);

  bytes = g_resource_lookup_data (_klynge_get_resource (), AREAS_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);     /* compiled in */
  contents = g_bytes_get_data (bytes, &size);
  text = g_strndup (contents, size);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && lines[i][0] != '#' && !parse_line (lines[i], vocabulary))
      g_critical ("%s:%u: malformed area; the line is left out", AREAS_RESOURCE, i + 1);

  g_ptr_array_add (vocabulary->schemes, g_strdup (KLYNGE_AREA_SCHEME_OTHER));
  return vocabulary;
}

static const Vocabulary *
vocabulary_get (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, read_vocabulary, NULL);
}

static gboolean
is_other (const char *scheme)
{
  return scheme == NULL || strcmp (scheme, KLYNGE_AREA_SCHEME_OTHER) == 0;
}

static gboolean
is_shipped (const char *scheme)
{
  GPtrArray *schemes = vocabulary_get ()->schemes;

  return !is_other (scheme)
         && g_ptr_array_find_with_equal_func (schemes, scheme, g_str_equal, NULL);
}

/* The area of @scheme (every shipped scheme when %NULL) whose Danish or
 * English label folds to @folded, or %NULL. */
static KlyngeArea *
find_folded (const char *scheme,
             const char *folded)
{
  GPtrArray *areas = vocabulary_get ()->areas;

  for (guint i = 0; i < areas->len; i++)
    {
      KlyngeArea *area = g_ptr_array_index (areas, i);

      if ((scheme == NULL || strcmp (area->scheme, scheme) == 0)
          && (strcmp (area->folded_label, folded) == 0
              || strcmp (area->folded_label_en, folded) == 0))
        return area;
    }
  return NULL;
}

/**
 * klynge_area_lookup:
 * @scheme: a scheme, such as `klyngeprogram-2021`
 * @label: the Danish or English label of an area, in any case
 *
 * Finds the area of @scheme that @label names. Labels are compared after
 * Unicode normalisation and case folding: in `klyngeprogram-2021`,
 * `energiteknologi` and `Energy Technology` both name the area
 * `Energiteknologi`. The scheme %KLYNGE_AREA_SCHEME_OTHER has no areas.
 *
 * Returns: (transfer none) (nullable): the area, or %NULL when @scheme
 *   is not a scheme klynge ships or has no area labelled @label
 */
KlyngeArea *
klynge_area_lookup (const char *scheme,
                    const char *label)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (scheme != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  if (is_other (scheme))
    return NULL;
  folded = _klynge_area_fold (label);
  return find_folded (scheme, folded);
}

/**
 * klynge_list_areas:
 * @scheme: a scheme
 *
 * The areas of @scheme, in the order the vocabulary lists them.
 *
 * Returns: (transfer container) (element-type KlyngeArea): the areas,
 *   empty for %KLYNGE_AREA_SCHEME_OTHER and for a scheme klynge does not
 *   ship; the array holds a reference on each
 */
GPtrArray *
klynge_list_areas (const char *scheme)
{
  GPtrArray *areas = vocabulary_get ()->areas;
  GPtrArray *out;

  g_return_val_if_fail (scheme != NULL, NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_area_unref);
  for (guint i = 0; i < areas->len; i++)
    {
      KlyngeArea *area = g_ptr_array_index (areas, i);

      if (strcmp (area->scheme, scheme) == 0)
        g_ptr_array_add (out, klynge_area_ref (area));
    }
  return out;
}

/**
 * klynge_list_area_schemes:
 *
 * The schemes klynge knows, in the vocabulary's order, with
 * %KLYNGE_AREA_SCHEME_OTHER last.
 *
 * Returns: (array zero-terminated=1) (transfer none): the schemes' ids
 */
const char * const *
klynge_list_area_schemes (void)
{
  return (const char * const *) vocabulary_get ()->schemes->pdata;
}

/**
 * klynge_area_get_scheme:
 * @area: an area
 *
 * Returns: (transfer none): the id of the scheme @area belongs to
 */
const char *
klynge_area_get_scheme (const KlyngeArea *area)
{
  g_return_val_if_fail (area != NULL, NULL);
  return area->scheme;
}

/**
 * klynge_area_get_id:
 * @area: an area
 *
 * Returns: (transfer none): the area's token, unique within its scheme,
 *   such as `energiteknologi`
 */
const char *
klynge_area_get_id (const KlyngeArea *area)
{
  g_return_val_if_fail (area != NULL, NULL);
  return area->id;
}

/**
 * klynge_area_get_label:
 * @area: an area
 *
 * Returns: (transfer none): the Danish label, as the sources word it,
 *   such as `Energiteknologi`
 */
const char *
klynge_area_get_label (const KlyngeArea *area)
{
  g_return_val_if_fail (area != NULL, NULL);
  return area->label;
}

/**
 * klynge_area_get_label_en:
 * @area: an area
 *
 * The English label: a source's wording, or klynge's own translation
 * where no source read gives one (see
 * klynge_area_is_label_en_translated()).
 *
 * Returns: (transfer none): the English label, such as `Energy technology`
 */
const char *
klynge_area_get_label_en (const KlyngeArea *area)
{
  g_return_val_if_fail (area != NULL, NULL);
  return area->label_en;
}

/**
 * klynge_area_is_label_en_translated:
 * @area: an area
 *
 * Returns: %TRUE when the English label is klynge's own translation of
 *   the Danish one, %FALSE when it is a source's wording
 */
gboolean
klynge_area_is_label_en_translated (const KlyngeArea *area)
{
  g_return_val_if_fail (area != NULL, FALSE);
  return area->label_en_source == NULL;
}

/**
 * klynge_area_get_label_en_source:
 * @area: an area
 *
 * Returns: (transfer none) (nullable): the address of the page whose
 *   wording the English label is, or %NULL when klynge translated it
 */
const char *
klynge_area_get_label_en_source (const KlyngeArea *area)
{
  g_return_val_if_fail (area != NULL, NULL);
  return area->label_en_source;
}

/**
 * klynge_area_get_kind:
 * @area: an area
 *
 * Returns: whether the strategy calls @area a stronghold or an emerging
 *   area, or %KLYNGE_AREA_KIND_NOT_STATED when no source read says
 */
KlyngeAreaKind
klynge_area_get_kind (const KlyngeArea *area)
{
  g_return_val_if_fail (area != NULL, KLYNGE_AREA_KIND_NOT_STATED);
  return area->kind;
}

/**
 * klynge_area_get_source:
 * @area: an area
 *
 * Returns: (transfer none): the address of the page that names the area
 *   by its Danish label
 */
const char *
klynge_area_get_source (const KlyngeArea *area)
{
  g_return_val_if_fail (area != NULL, NULL);
  return area->source;
}

/* --- for the records and the filters ----------------------------------- */

/* Checks that @label names an area of @scheme: anything non-empty does in
 * "other" (or %NULL); the caller checks the text itself. */
gboolean
_klynge_area_check (const char  *scheme,
                    const char  *label,
                    GError     **error)
{
  g_autoptr(GString) known = NULL;
  g_autoptr(GPtrArray) areas = NULL;

  if (is_other (scheme) || klynge_area_lookup (scheme, label) != NULL)
    return TRUE;

  known = g_string_new (NULL);
  if (!is_shipped (scheme))
    {
      const char * const *schemes = klynge_list_area_schemes ();

      for (guint i = 0; schemes[i] != NULL; i++)
        g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", schemes[i]);
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_UNKNOWN_AREA,
                   "klynge knows no area scheme “%s” (it knows %s)", scheme, known->str);
      return FALSE;
    }
  areas = klynge_list_areas (scheme);
  for (guint i = 0; i < areas->len; i++)
    {
      KlyngeArea *area = g_ptr_array_index (areas, i);

      g_string_append_printf (known, "%s%s / %s", i > 0 ? ", " : "", area->label, area->label_en);
    }
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_UNKNOWN_AREA,
               "“%s” is no area of the scheme “%s” (its areas are %s)", label, scheme, known->str);
  return FALSE;
}

/* Whether @folded_needle (folded by _klynge_area_fold()) is in the area
 * @text of @scheme or in either label of the vocabulary area @text names.
 * Free text names the area of any shipped scheme it is a label of, so
 * that the built-in data's plain "Energiteknologi" is found as "energy". */
gboolean
_klynge_area_text_contains (const char *scheme,
                            const char *text,
                            const char *folded_needle)
{
  g_autofree char *folded = _klynge_area_fold (text);
  KlyngeArea *area;

  if (strstr (folded, folded_needle) != NULL)
    return TRUE;
  area = find_folded (is_other (scheme) ? NULL : scheme, folded);
  return area != NULL
         && (strstr (area->folded_label, folded_needle) != NULL
             || strstr (area->folded_label_en, folded_needle) != NULL);
}

/* Appends both labels of every area of every shipped scheme to @known
 * (of strings it does not own). */
void
_klynge_area_add_labels (GPtrArray *known)
{
  GPtrArray *areas = vocabulary_get ()->areas;

  for (guint i = 0; i < areas->len; i++)
    {
      KlyngeArea *area = g_ptr_array_index (areas, i);

      g_ptr_array_add (known, area->label);
      g_ptr_array_add (known, area->label_en);
    }
}
