package org.veritycms.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    static ClientAddresses trusting(String... cidrs) {
        return new ClientAddresses(null, cidrs.length == 0 ? Optional.empty() : Optional.of(List.of(cidrs)));
    }

    @Test
    void withNoTrustedProxyTheForwardedHeaderIsIgnored() {
        assertEquals("203.0.113.7", trusting().of("203.0.113.7", List.of("198.51.100.1")));
    }

    @Test
    void aTrustedProxyIsSeenThroughToTheNearestUntrustedHop() {
        ClientAddresses addresses = trusting("10.0.0.0/8", "192.168.1.5");
        assertEquals("198.51.100.9", addresses.of("10.1.2.3", List.of("203.0.113.50, 198.51.100.9, 10.0.0.2")),
                "whatever the client wrote on the left is not believed");
        assertEquals("198.51.100.9", addresses.of("192.168.1.5", List.of("203.0.113.50", "198.51.100.9")),
                "several header lines read as one list");
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertEquals("198.51.100.9", trusting("10.0.0.0/8").of("198.51.100.9", List.of("10.0.0.1")));
    }

    @Test
    void rubbishInTheHeaderStopsAtTheProxyThatPassedItOn() {
        ClientAddresses addresses = trusting("10.0.0.0/8");
        assertEquals("10.0.0.2", addresses.of("10.0.0.2", List.of("evil.example")));
        assertEquals("10.0.0.3", addresses.of("10.0.0.2", List.of("unknown, 10.0.0.3")));
    }

    @Test
    void portsAndBracketsAreDroppedAndIpv6ClientsAreTheirSlash64() {
        ClientAddresses addresses = trusting("127.0.0.1/32");
        assertEquals("198.51.100.9", addresses.of("127.0.0.1", List.of("198.51.100.9:51234")));
        assertEquals("2001:db8:1:2:0:0:0:0/64", addresses.of("127.0.0.1", List.of("[2001:db8:1:2:aaaa::1]:443")));
        assertEquals("2001:db8:1:2:0:0:0:0/64", addresses.of("2001:db8:1:2::ffff", List.of()),
                "one subscriber's /64 is one client, however they rotate within it");
    }

    @Test
    void aBadTrustedProxySettingFailsAtStart() {
        assertThrows(IllegalArgumentException.class, () -> trusting("proxy.example"));
        assertThrows(IllegalArgumentException.class, () -> trusting("10.0.0.0/33"));
    }
}
