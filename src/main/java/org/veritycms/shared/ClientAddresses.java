package org.veritycms.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The network address a request came from, for rate limits and for telling reporters apart. The
 * direct peer, unless it is one of the trusted proxies ({@code verity.proxies.trusted}, CIDRs,
 * none by default): then the nearest untrusted hop of {@code X-Forwarded-For}, read from the
 * right, since anything further left may be the client's own invention. An IPv6 client is its
 * /64 network, which one subscriber holds whole. Stored only as a keyed hash ({@link #hash}).
 */
@ApplicationScoped
public class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** A block of addresses: an address and how many of its leading bits must match. */
    record Block(byte[] network, int bits) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            byte[] address = literal(slash < 0 ? cidr : cidr.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException("verity.proxies.trusted: not an address: " + cidr));
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1).strip());
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("verity.proxies.trusted: bad prefix length: " + cidr);
            }
            return new Block(address, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final ServerSecret secret;
    private final List<Block> trusted;

    @Inject
    public ClientAddresses(ServerSecret secret, @ConfigProperty(name = "verity.proxies.trusted") Optional<List<String>> trusted) {
        this.secret = secret;
        this.trusted = trusted.orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).map(Block::parse).toList();
    }

    protected ClientAddresses() {
        this.secret = null;
        this.trusted = List.of();
    }

    /** The client's address (its /64 network for IPv6). */
    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For") == null ? List.of()
                : Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    /** The client behind a direct peer that sent these {@code X-Forwarded-For} header values. */
    public String of(String peer, List<String> forwardedFor) {
        byte[] hop = literal(peer).orElse(null);
        if (hop == null) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(value -> Arrays.stream(value.split(",")).map(String::strip).forEach(hops::add));
        for (int i = hops.size() - 1; i >= 0 && trusts(hop); i--) {
            Optional<byte[]> next = literal(hops.get(i));
            if (next.isEmpty()) {
                // not an address: the proxy that passed it on is as near the client as can be told
                break;
            }
            hop = next.get();
        }
        return text(hop);
    }

    /** A keyed hash of an address, to store in its place: equal for equal addresses, useless without the key. */
    public String hash(String address) {
        return secret.sign("address:" + address);
    }

    private boolean trusts(byte[] address) {
        return trusted.stream().anyMatch(b -> b.contains(address));
    }

    /** The address's bytes when the text is an IP literal (never a host name, which would be looked up). */
    static Optional<byte[]> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.startsWith("[") && s.indexOf(']') > 0) {
            s = s.substring(1, s.indexOf(']'));
        } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':') && s.contains(".")) {
            s = s.substring(0, s.indexOf(':'));
        }
        if (!IPV4.matcher(s).matches() && !IPV6.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(s).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String text(byte[] address) {
        if (address.length == 16) {
            byte[] network = Arrays.copyOf(Arrays.copyOf(address, 8), 16);
            return literalText(network) + "/64";
        }
        return literalText(address);
    }

    private static String literalText(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
