package io.dirsync.source.ldap;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import com.unboundid.ldap.sdk.SearchRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers like Active Directory with MaxValRange = {@code limit}: a {@code member} attribute with
 * more values comes back as {@code member;range=0-(limit-1)}, and {@code member;range=N-*} asks
 * for the next slice.
 */
final class AdRangeInterceptor extends InMemoryOperationInterceptor {
  private static final Pattern RANGE = Pattern.compile("member;range=(\\d+)-\\*", Pattern.CASE_INSENSITIVE);
  private final int limit;
  final AtomicInteger rangedRequests = new AtomicInteger();

  AdRangeInterceptor(int limit) {
    this.limit = limit;
  }

  @Override
  public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
    ReadOnlySearchRequest r = request.getRequest();
    if (rangeStart(r) >= 0) {
      rangedRequests.incrementAndGet();
      SearchRequest copy = r.duplicate();
      List<String> attributes = new ArrayList<>(r.getAttributeList());
      attributes.add("member");
      copy.setAttributes(attributes);
      request.setRequest(copy);
    }
  }

  @Override
  public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
    Entry entry = result.getSearchEntry();
    Attribute member = entry.getAttribute("member");
    if (member == null) return;
    String[] values = member.getValues();
    int start = Math.max(0, rangeStart(result.getRequest()));
    if (start == 0 && values.length <= limit) return;
    int end = Math.min(values.length, start + limit);
    String name = "member;range=" + start + "-" + (end == values.length ? "*" : String.valueOf(end - 1));
    Entry copy = entry.duplicate();
    copy.removeAttribute("member");
    copy.addAttribute(new Attribute(name, Arrays.copyOfRange(values, start, end)));
    result.setSearchEntry(copy);
  }

  private static int rangeStart(ReadOnlySearchRequest r) {
    for (String a : r.getAttributeList()) {
      Matcher m = RANGE.matcher(a.toLowerCase(Locale.ROOT));
      if (m.matches()) return Integer.parseInt(m.group(1));
    }
    return -1;
  }
}
