/* klynge-geography.c: the regions and municipalities of Denmark
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The lists are data/regions.tsv and data/municipalities.tsv, compiled
 * into the library as a GResource; each file's header names its sources.
 * They are parsed once, on first use, and never freed: the strings handed
 * out live as long as the process.
 */
#include "config.h"

#include "klynge-private.h"
#include "klynge-resources.h"

/**
 * SECTION:klynge-geography
 * @title: Regions and municipalities
 * @short_description: the regions and municipalities of Denmark
 *
 * The five regions of Denmark by their NUTS 2021 codes (`DK01`
 * Hovedstaden to `DK05` Nordjylland) and the 98 municipalities by the
 * three-digit codes of Danmarks Statistik and DAGI (`101` København to
 * `860` Hjørring), each with its name and, for a municipality, its region.
 * A #KlyngeLocation may state both (klynge_location_new_full()), and a
 * #KlyngeFilter can keep the organisations in one
 * (klynge_filter_set_region(), klynge_filter_set_municipality()).
 *
 * The lists are built into the library; every function here may be called
 * from any thread.
 */

#define REGIONS_RESOURCE "/dk/klynge/geography/regions.tsv"
#define MUNICIPALITIES_RESOURCE "/dk/klynge/geography/municipalities.tsv"

typedef struct
{
  char *code;
  char *name;
  const char *region;           /* the region's code, owned by its entry */
} Place;

typedef struct
{
  GPtrArray *region_codes;        /* NULL-terminated, in the file's order */
  GPtrArray *municipality_codes;  /* likewise */
  GHashTable *regions;            /* code → Place */
  GHashTable *municipalities;     /* code → Place */
} Geography;

/* Splits one of the lists into its data lines' fields; @n_fields each.
 * The lists are part of the library and tested at build time, so a
 * malformed one is a broken build, not bad input. */
static GPtrArray *
read_list (const char *resource,
           guint       n_fields)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *text = NULL;

  bytes = g_resource_lookup_data (_klynge_get_resource (), resource,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("the built-in list %s is missing: %s", resource, error->message);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char **fields;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != n_fields)
        g_error ("%s:%u: expected %u tab-separated fields", resource, i + 1, n_fields);
      g_ptr_array_add (rows, fields);
    }
  return rows;
}

static Place *
add_place (GHashTable *table,
           GPtrArray  *codes,
           char      **fields,
           const char *resource)
{
  Place *place = g_new0 (Place, 1);

  place->code = g_strdup (fields[0]);
  place->name = g_strdup (fields[1]);
  if (!g_hash_table_insert (table, place->code, place))
    g_error ("%s: %s is listed twice", resource, place->code);
  g_ptr_array_add (codes, place->code);
  return place;
}

static gpointer
geography_load (gpointer data)
{
  Geography *geography = g_new0 (Geography, 1);
  g_autoptr(GPtrArray) regions = read_list (REGIONS_RESOURCE, 2);
  g_autoptr(GPtrArray) municipalities = read_list (MUNICIPALITIES_RESOURCE, 3);

  geography->region_codes = g_ptr_array_new ();
  geography->municipality_codes = g_ptr_array_new ();
  geography->regions = g_hash_table_new (g_str_hash, g_str_equal);
  geography->municipalities = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < regions->len; i++)
    add_place (geography->regions, geography->region_codes,
               g_ptr_array_index (regions, i), REGIONS_RESOURCE);
  for (guint i = 0; i < municipalities->len; i++)
    {
      char **fields = g_ptr_array_index (municipalities, i);
      Place *region = g_hash_table_lookup (geography->regions, fields[2]);

      if (region == NULL)
        g_error ("%s: %s lies in %s, which is no region", MUNICIPALITIES_RESOURCE,
                 fields[0], fields[2]);
      add_place (geography->municipalities, geography->municipality_codes,
                 fields, MUNICIPALITIES_RESOURCE)->region = region->code;
    }
  g_ptr_array_add (geography->region_codes, NULL);
  g_ptr_array_add (geography->municipality_codes, NULL);
  return geography;
}

static const Geography *
geography_get (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, geography_load, NULL);
}

static const Place *
find (GHashTable *table,
      const char *code)
{
  return g_hash_table_lookup (table, code);
}

/**
 * klynge_region_is_known:
 * @code: a region code, such as `DK05`
 *
 * Whether @code is one of the five regions of Denmark as NUTS 2021
 * codes them: `DK01` Hovedstaden, `DK02` Sjælland, `DK03` Syddanmark,
 * `DK04` Midtjylland and `DK05` Nordjylland. The comparison is exact.
 *
 * Returns: whether @code is a known region
 */
gboolean
klynge_region_is_known (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  return find (geography_get ()->regions, code) != NULL;
}

/**
 * klynge_region_get_name:
 * @code: a region code, such as `DK05`
 *
 * The Danish name of a region, such as `Nordjylland`.
 *
 * Returns: (nullable): the region's name, or %NULL when @code is not a
 *   known region
 */
const char *
klynge_region_get_name (const char *code)
{
  const Place *region;

  g_return_val_if_fail (code != NULL, NULL);

  region = find (geography_get ()->regions, code);
  return region != NULL ? region->name : NULL;
}

/**
 * klynge_list_regions:
 *
 * The codes of the regions of Denmark, in code order, from `DK01` to
 * `DK05`.
 *
 * Returns: (transfer none) (array zero-terminated=1): the region codes
 */
const char * const *
klynge_list_regions (void)
{
  return (const char * const *) geography_get ()->region_codes->pdata;
}

/**
 * klynge_municipality_is_known:
 * @code: a municipality code, such as `851`
 *
 * Whether @code is one of the 98 municipalities of Denmark, by the
 * three-digit code Danmarks Statistik and DAGI give it (`101` København,
 * `851` Aalborg). The comparison is exact: `0851`, with the leading zero
 * some registers write, is not known.
 *
 * Returns: whether @code is a known municipality
 */
gboolean
klynge_municipality_is_known (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  return find (geography_get ()->municipalities, code) != NULL;
}

/**
 * klynge_municipality_get_name:
 * @code: a municipality code, such as `851`
 *
 * The name of a municipality, such as `Aalborg`.
 *
 * Returns: (nullable): the municipality's name, or %NULL when @code is
 *   not a known municipality
 */
const char *
klynge_municipality_get_name (const char *code)
{
  const Place *municipality;

  g_return_val_if_fail (code != NULL, NULL);

  municipality = find (geography_get ()->municipalities, code);
  return municipality != NULL ? municipality->name : NULL;
}

/**
 * klynge_municipality_get_region:
 * @code: a municipality code, such as `851`
 *
 * The code of the region a municipality lies in, such as `DK05` for
 * `851` Aalborg.
 *
 * Returns: (nullable): the region's code, or %NULL when @code is not a
 *   known municipality
 */
const char *
klynge_municipality_get_region (const char *code)
{
  const Place *municipality;

  g_return_val_if_fail (code != NULL, NULL);

  municipality = find (geography_get ()->municipalities, code);
  return municipality != NULL ? municipality->region : NULL;
}

/**
 * klynge_list_municipalities:
 *
 * The codes of the 98 municipalities of Denmark, in code order, from
 * `101` København to `860` Hjørring.
 *
 * Returns: (transfer none) (array zero-terminated=1): the municipality
 *   codes
 */
const char * const *
klynge_list_municipalities (void)
{
  return (const char * const *) geography_get ()->municipality_codes->pdata;
}
