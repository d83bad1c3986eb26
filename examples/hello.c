/* hello.c: build a small landscape, save it, load it back and print it.
 *
 *   cc hello.c $(pkg-config --cflags --libs klynge-1.0) -o hello
 */
#include <stdio.h>
#include <klynge/klynge.h>

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = klynge_landscape_new ();
  g_autoptr(KlyngeOrganisation) cluster =
    klynge_organisation_new ("a", KLYNGE_ORGANISATION_KIND_CLUSTER, "Klynge A");
  g_autoptr(KlyngeMember) member =
    klynge_member_new ("m-1", KLYNGE_MEMBER_KIND_COMPANY, "Eksempel ApS");
  g_autoptr(KlyngeDate) since = klynge_date_new_from_string ("2019-10", &error);
  g_autoptr(GBytes) xml = NULL;

  if (since == NULL
      || !klynge_landscape_add (landscape, KLYNGE_RECORD (cluster), &error)
      || !klynge_landscape_add (landscape, KLYNGE_RECORD (member), &error)
      || !klynge_landscape_add_membership (landscape, "a", "m-1", since, NULL, &error)
      || (xml = klynge_landscape_save_bytes (landscape, &error)) == NULL)
    {
      fprintf (stderr, "hello: %s\n", error->message);
      return 1;
    }
  fwrite (g_bytes_get_data (xml, NULL), 1, g_bytes_get_size (xml), stdout);
  printf ("%u organisation(s), %u member(s), CVR 13748136 is %s\n",
          klynge_landscape_count (landscape, KLYNGE_TYPE_ORGANISATION),
          klynge_landscape_count (landscape, KLYNGE_TYPE_MEMBER),
          klynge_cvr_is_valid ("13748136") ? "valid" : "invalid");
  return 0;
}
