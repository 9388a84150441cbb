import java.sql.*; import java.util.*;
/**
 * One-off probe behind docs/PERFORMANCE.md's breakdown of a whole trace's database work: for random
 * lots of a generated ledger, the server's walk statement (both ways), then the answer's four other
 * statements one by one on the lots it reached, with percentiles. It copies the statements of
 * sync-server's WholeWalk, TraceQueries and Upstream as of the commit that added it; it measures
 * something else once those change.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar benchmarks/scripts/TraceParts.java <jdbc url> <lots>}
 */
public class TraceParts {
  static final String LINK = "l.id, l.from_item, l.from_lot, l.to_item, l.to_lot, l.quantity, l.uom, l.kind, l.batch, l.event_id, l.occurred_at, f.site, f.status";
  static final String START = "SELECT k.item::text, k.lot::text FROM lot k WHERE k.item = ? AND k.lot = ? AND (? OR k.site = ANY (?::varchar[]))";
  static final String WALK = "WITH RECURSIVE back(item, lot) AS (" + START + " UNION SELECT l.from_item::text, l.from_lot::text FROM lot_link l JOIN back r ON l.to_item = r.item AND l.to_lot = r.lot), "
   + "forth(item, lot) AS (" + START + " UNION SELECT l.to_item::text, l.to_lot::text FROM lot_link l JOIN forth r ON l.from_item = r.item AND l.from_lot = r.lot) "
   + "SELECT false AS forward, " + LINK + " FROM back r JOIN lot_link l ON l.to_item = r.item AND l.to_lot = r.lot LEFT JOIN lot f ON f.item = l.from_item AND f.lot = l.from_lot"
   + " UNION ALL SELECT true AS forward, " + LINK + " FROM forth r JOIN lot_link l ON l.from_item = r.item AND l.from_lot = r.lot LEFT JOIN lot f ON f.item = l.to_item AND f.lot = l.to_lot";
  static final String LOTS = "unnest(?::varchar[], ?::varchar[]) AS k(item, lot)";
  static final String[] Q = {
   "SELECT r.event_id, r.item, r.lot, r.supplier, p.name AS supplier_name, r.supplier_lot, r.reference, r.quantity, r.uom, r.location, r.received_at FROM " + LOTS + " JOIN receipt r ON r.item = k.item AND r.lot = k.lot LEFT JOIN partner p ON p.code = r.supplier ORDER BY r.received_at, r.event_id",
   "WITH l AS (SELECT s.item, s.lot, s.uom, s.customer, s.quantity, s.shipped_at FROM " + LOTS + " JOIN shipment_line s ON s.item = k.item AND s.lot = k.lot) SELECT item COLLATE \"C\" AS item, lot COLLATE \"C\" AS lot, uom, count(*) AS lines, sum(quantity) AS quantity, min(shipped_at) AS first, max(shipped_at) AS last FROM l GROUP BY 1, 2, 3 UNION ALL SELECT NULL, NULL, NULL, count(*), NULL, NULL, NULL FROM (SELECT DISTINCT customer FROM l) d",
   "SELECT r.event_id, r.item, r.lot, r.customer, p.name AS customer_name, r.reference, r.quantity, r.uom, r.location, r.reason, r.returned_at FROM " + LOTS + " JOIN return_line r ON r.item = k.item AND r.lot = k.lot LEFT JOIN partner p ON p.code = r.customer ORDER BY r.returned_at, r.event_id",
   "WITH RECURSIVE up (item, lot, partner, supplier_lot, level, event_key, output_epc, input_epc, input_gtin, input_lot, input_quantity, input_uom) AS (  SELECT r.item, r.lot, u.partner, r.supplier_lot, 1, u.event_key, u.output_epc, u.input_epc, u.input_gtin, u.input_lot, u.input_quantity, u.input_uom FROM " + LOTS + " JOIN receipt r ON r.item = k.item AND r.lot = k.lot AND r.supplier_lot IS NOT NULL LEFT JOIN item i ON i.code = r.item JOIN upstream_link u ON u.partner = r.supplier AND u.output_lot = r.supplier_lot AND (u.output_gtin IS NULL OR i.gtin IS NULL OR u.output_gtin = i.gtin) UNION SELECT up.item, up.lot, u.partner, up.supplier_lot, up.level + 1, u.event_key, u.output_epc, u.input_epc, u.input_gtin, u.input_lot, u.input_quantity, u.input_uom FROM up JOIN upstream_link u ON u.partner = up.partner AND u.output_epc = up.input_epc WHERE up.level < 10) SELECT up.*, e.event_time, e.biz_step, p.name AS partner_name FROM up JOIN epcis_event e ON e.event_key = up.event_key LEFT JOIN partner p ON p.code = up.partner ORDER BY up.item, up.lot, up.level, up.output_epc, up.input_epc LIMIT 10000"};
  public static void main(String[] a) throws Exception {
    Connection c = DriverManager.getConnection(a[0], "postgres", "postgres");
    List<String[]> lots = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select item, lot from lot order by random() limit " + a[1])) { while (rs.next()) lots.add(new String[]{rs.getString(1), rs.getString(2)}); }
    PreparedStatement walk = c.prepareStatement(WALK);
    int n = lots.size(); double[] w = new double[n], b = new double[n]; double[][] each = new double[4][n];
    for (int i = 0; i < n; i++) {
      int p = 1; for (int d = 0; d < 2; d++) { walk.setString(p++, lots.get(i)[0]); walk.setString(p++, lots.get(i)[1]); walk.setBoolean(p++, true); walk.setArray(p++, c.createArrayOf("varchar", new String[0])); }
      long t = System.nanoTime();
      LinkedHashSet<String> all = new LinkedHashSet<>(), down = new LinkedHashSet<>();
      all.add(lots.get(i)[0] + "\t" + lots.get(i)[1]); down.add(lots.get(i)[0] + "\t" + lots.get(i)[1]);
      try (ResultSet rs = walk.executeQuery()) { while (rs.next()) { boolean f = rs.getBoolean(1); String far = f ? rs.getString("to_item") + "\t" + rs.getString("to_lot") : rs.getString("from_item") + "\t" + rs.getString("from_lot"); all.add(far); if (f) down.add(far);} }
      w[i] = (System.nanoTime() - t) / 1e6;
      Array ai = c.createArrayOf("varchar", all.stream().map(x -> x.split("\t")[0]).toArray()), al = c.createArrayOf("varchar", all.stream().map(x -> x.split("\t")[1]).toArray());
      Array di = c.createArrayOf("varchar", down.stream().map(x -> x.split("\t")[0]).toArray()), dl = c.createArrayOf("varchar", down.stream().map(x -> x.split("\t")[1]).toArray());
      Array[][] args = {{ai, al}, {di, dl}, {di, dl}, {ai, al}};
      t = System.nanoTime();
      for (int q = 0; q < 4; q++) {
        long t1 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(Q[q])) { ps.setArray(1, args[q][0]); ps.setArray(2, args[q][1]); try (ResultSet rs = ps.executeQuery()) { while (rs.next()) {} } }
        each[q][i] = (System.nanoTime() - t1) / 1e6;
      }
      b[i] = (System.nanoTime() - t) / 1e6;
    }
    pr("walk", w); pr("rest (4 round trips)", b); String[] names = {"receipts", "shipped", "returns", "upstream"}; for (int q = 0; q < 4; q++) pr(names[q], each[q]);
  }
  static void pr(String s, double[] x) { x = x.clone(); Arrays.sort(x); int n = x.length; System.out.printf("%-22s p50 %.2f p95 %.2f p99 %.2f%n", s, x[n/2], x[n*95/100], x[n*99/100]); }
}
