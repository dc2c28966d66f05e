package org.veritycms.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server that knows no recipient: it greets, then answers every {@code RCPT TO} with
 * {@code 550 5.1.1 user unknown}, as a real server does for an address that does not exist.
 */
public final class RefusingMailServer implements AutoCloseable {

    private final ServerSocket listener;

    public RefusingMailServer(int port) throws IOException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        Thread accepter = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket client = listener.accept()) {
                    converse(client);
                } catch (IOException closed) {
                    // the test closed the server, or the client hung up
                }
            }
        }, "refusing-smtp");
        accepter.setDaemon(true);
        accepter.start();
    }

    private static void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        out.print("220 refusing.test ESMTP\r\n");
        out.flush();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            String answer = switch (command) {
                case "EHLO", "HELO" -> "250 refusing.test";
                case "MAIL", "RSET", "NOOP" -> "250 OK";
                case "RCPT" -> "550 5.1.1 user unknown";
                case "QUIT" -> "221 bye";
                default -> "503 5.5.1 bad sequence";
            };
            out.print(answer + "\r\n");
            out.flush();
            if (command.equals("QUIT")) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
