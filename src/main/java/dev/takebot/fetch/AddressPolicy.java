package dev.takebot.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses the fetcher may connect to. Production allows public addresses only: a link to
 * {@code http://169.254.169.254/} (a cloud's metadata service), {@code localhost} or the office
 * network, or a redirect there, must not make the bot read it.
 */
@FunctionalInterface
public interface AddressPolicy {

  /** True when the fetcher may connect to {@code address} on {@code port}. */
  boolean allows(InetAddress address, int port);

  /** Public unicast addresses only. */
  static AddressPolicy publicOnly() {
    return (address, port) -> isPublic(address);
  }

  /** Any address (the configuration's {@code fetch.allowPrivateAddresses}). */
  static AddressPolicy any() {
    return (address, port) -> true;
  }

  /** What this policy allows, and also {@code other}'s. */
  default AddressPolicy or(AddressPolicy other) {
    return (address, port) -> allows(address, port) || other.allows(address, port);
  }

  /**
   * True for an address on the public internet: not loopback, private (RFC 1918, unique local),
   * link-local, multicast, carrier-grade NAT, documentation, benchmarking, reserved or unspecified;
   * IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4) are judged by that address.
   */
  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicV4(b);
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if ((first & 0xfe) == 0xfc // fc00::/7 unique local
          || first == 0xff // multicast
          || (first == 0xfe && (second & 0xc0) == 0x80) // fe80::/10 link-local
          || (first == 0xfe && (second & 0xc0) == 0xc0) // fec0::/10 site-local
          || (first == 0x20 && second == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8)) {
        return false; // 2001:db8::/32 documentation
      }
      if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        return isPublicV4(slice(b, 12)); // ::ffff:a.b.c.d
      }
      if (allZero(b, 0, 12)) {
        return false; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
      }
      if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
        return isPublicV4(slice(b, 12)); // 64:ff9b::/96 NAT64
      }
      if (first == 0x20 && second == 0x02) {
        return isPublicV4(slice(b, 2)); // 2002::/16 6to4
      }
      return true;
    }
    return false;
  }

  private static boolean isPublicV4(byte[] b) {
    int a = b[0] & 0xff;
    int c = b[1] & 0xff;
    int d = b[2] & 0xff;
    return !(a == 0 // "this network"
        || a == 10
        || a == 127
        || (a == 100 && (c & 0xc0) == 64) // 100.64.0.0/10 carrier-grade NAT
        || (a == 169 && c == 254)
        || (a == 172 && (c & 0xf0) == 16)
        || (a == 192 && c == 0 && d == 0) // IETF protocol assignments
        || (a == 192 && c == 0 && d == 2) // documentation
        || (a == 192 && c == 168)
        || (a == 198 && (c & 0xfe) == 18) // benchmarking
        || (a == 198 && c == 51 && d == 100)
        || (a == 203 && c == 0 && d == 113)
        || a >= 224); // multicast, reserved, broadcast
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] slice(byte[] b, int from) {
    byte[] v4 = new byte[4];
    System.arraycopy(b, from, v4, 0, 4);
    return v4;
  }
}
