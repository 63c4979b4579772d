import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;

/**
 * The read ratio's floor: the scale benchmark's three paged searches with the UnboundID LDAP SDK
 * (the library dirsync reads with) and nothing else — no mapping, no group resolution, entries
 * only counted. Run as a source file in a cold JVM with the launcher's flags (bench/scale/run.sh):
 *   java -cp target/dirsync.jar bench/scale/RawRead.java PORT BIND_DN PASSWORD PAGE_SIZE
 * Prints "ENTRIES SECONDS", timed from before the connection to after the last page (as the
 * report's read stage is).
 */
public class RawRead {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int pageSize = Integer.parseInt(args[3]);
    String[][] searches = {
        {"ou=Departments,dc=bench,dc=example", "(objectClass=organizationalUnit)"},
        {"ou=Groups,dc=bench,dc=example", "(objectClass=groupOfNames)"},
        {"ou=Departments,dc=bench,dc=example", "(objectClass=inetOrgPerson)"}};
    long start = System.nanoTime();
    long entries = 0;
    long values = 0;
    try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port, args[1], args[2])) {
      for (String[] search : searches) {
        ASN1OctetString cookie = null;
        do {
          SearchRequest request = new SearchRequest(search[0], SearchScope.SUB, search[1]);
          request.addControl(new SimplePagedResultsControl(pageSize, cookie));
          SearchResult result = connection.search(request);
          for (SearchResultEntry entry : result.getSearchEntries()) {
            entries++;
            values += entry.getAttributes().stream().mapToInt(a -> a.size()).sum();
          }
          SimplePagedResultsControl control = SimplePagedResultsControl.get(result);
          cookie = control == null ? null : control.getCookie();
        } while (cookie != null && cookie.getValueLength() > 0);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (values == 0) throw new IllegalStateException("no attribute values read");
    System.out.printf("%d %.3f%n", entries, seconds);
  }
}
