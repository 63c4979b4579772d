package io.dirsync.directory.scim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The trust manager for a PEM bundle or a JKS/PKCS#12 trust store, as the LDAP source takes them. */
final class TrustStores {
  private TrustStores() {}

  record Trust(SSLContext context, X509TrustManager manager) {}

  static Trust load(Path file, String password) {
    try {
      KeyStore store = file.toString().toLowerCase().matches(".*\\.(pem|crt|cer)$") ? pem(file) : keyStore(file, password);
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      X509TrustManager manager = null;
      for (TrustManager m : factory.getTrustManagers()) {
        if (m instanceof X509TrustManager x) manager = x;
      }
      return context(manager);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read the SCIM trust store " + file + ": " + e.getMessage(), e);
    }
  }

  /** Trusts every certificate: for tests against self-signed servers only. */
  static Trust insecure() {
    try {
      return context(new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      });
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Trust context(X509TrustManager manager) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {manager}, null);
    return new Trust(context, manager);
  }

  private static KeyStore pem(Path file) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) throw new GeneralSecurityException("no certificate in the file");
      int i = 0;
      for (Certificate c : certificates) store.setCertificateEntry("ca-" + i++, c);
    }
    return store;
  }

  private static KeyStore keyStore(Path file, String password) throws IOException, GeneralSecurityException {
    char[] pass = password == null ? null : password.toCharArray();
    String type = file.toString().toLowerCase().endsWith(".jks") ? "JKS" : "PKCS12";
    KeyStore store = KeyStore.getInstance(type);
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, pass);
    }
    return store;
  }
}
