package io.cellardoor.stripefake;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local fake of the Stripe API for tests (see this module's README): stripe-java's requests are answered with Stripe's
 * example objects from {@code fixtures3.json}, ids and request fields patched in; hosted Checkout and Customer Portal
 * pages complete and cancel subscriptions and deliver signed webhooks to the app.
 */
public final class StripeFake implements AutoCloseable {

    /** The API version stripe-java 33 pins; events carry it. */
    public static final String API_VERSION = "2026-07-29.dahlia";

    private final HttpServer server;
    private final JsonObject fixtures;
    private final String apiKey;
    private final String webhookSecret;
    private final Gson gson = new Gson();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, JsonObject> customers = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> sessions = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> portals = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> invoices = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> meterEvents = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger meterEventRequests = new AtomicInteger();
    private final AtomicInteger failMeterEvents = new AtomicInteger();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile String webhookUrl;

    /** A webhook delivered to the app, with its answer. */
    public record Delivery(String type, String eventId, int status, String body) {}

    private StripeFake(HttpServer server, JsonObject fixtures, String apiKey, String webhookSecret) {
        this.server = server;
        this.fixtures = fixtures;
        this.apiKey = apiKey;
        this.webhookSecret = webhookSecret;
    }

    /**
     * Starts the fake on a free loopback port.
     *
     * @param fixtures the path of {@code fixtures3.json}
     * @param apiKey the secret key clients must send
     * @param webhookSecret the endpoint secret webhooks are signed with
     */
    public static StripeFake start(Path fixtures, String apiKey, String webhookSecret) {
        try {
            JsonObject resources = JsonParser.parseString(Files.readString(fixtures))
                    .getAsJsonObject()
                    .getAsJsonObject("resources");
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StripeFake fake = new StripeFake(server, resources, apiKey, webhookSecret);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("stripe-fake-", 0).factory()));
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Stripe fake with " + fixtures, e);
        }
    }

    /**
     * {@code fixtures3.json} in the shared data folder: {@code CELLARDOOR_SHARED_DATA}, else {@code ../shared/data}
     * beside the repository root given.
     */
    public static Path fixtures(Path repoRoot) {
        String shared = System.getenv("CELLARDOOR_SHARED_DATA");
        Path base = shared == null || shared.isBlank() ? repoRoot.resolve("../shared/data") : Path.of(shared);
        return base.resolve("stripe/fixtures3.json").toAbsolutePath().normalize();
    }

    /** {@code http://127.0.0.1:PORT}: the API base for stripe-java and the hosted pages' host. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Where hosted pages deliver webhooks (the app's {@code /api/v1/billing/stripe/webhook}). */
    public void webhookUrl(String url) {
        this.webhookUrl = url;
    }

    // ------------------------------------------------------------------ what tests drive and read

    /** A subscription's current state. */
    public Optional<JsonObject> subscription(String id) {
        return Optional.ofNullable(subscriptions.get(id)).map(JsonObject::deepCopy);
    }

    /** The subscriptions of a customer, oldest first. */
    public List<JsonObject> subscriptionsOf(String customerId) {
        return subscriptions.values().stream()
                .filter(s -> customerId.equals(s.get("customer").getAsString()))
                .sorted((a, b) -> Long.compare(
                        a.get("created").getAsLong(), b.get("created").getAsLong()))
                .map(JsonObject::deepCopy)
                .toList();
    }

    /** Changes a subscription's status ({@code active}, {@code past_due}, {@code canceled}, ...). */
    public void setStatus(String subscriptionId, String status) {
        JsonObject s = subscriptions.get(subscriptionId);
        if (s == null) {
            throw new IllegalArgumentException("no subscription " + subscriptionId);
        }
        synchronized (s) {
            s.addProperty("status", status);
            if (status.equals("canceled")) {
                s.addProperty("canceled_at", now());
                s.addProperty("ended_at", now());
            }
        }
    }

    /** The accepted meter events, one per identifier. */
    public List<JsonObject> meterEvents() {
        return meterEvents.values().stream().map(JsonObject::deepCopy).toList();
    }

    /** Meter event requests received (repeats and refused ones included). */
    public int meterEventRequests() {
        return meterEventRequests.get();
    }

    /** The next {@code n} meter event requests answer 500 (a Stripe outage). */
    public void failMeterEvents(int n) {
        failMeterEvents.set(n);
    }

    /** Every {@code METHOD path} received, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The webhooks delivered so far. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** An invoice of the subscription (as Stripe sends with {@code invoice.*} events). */
    public JsonObject invoiceFor(String subscriptionId, String status) {
        JsonObject sub = subscriptions.get(subscriptionId);
        JsonObject invoice = fixture("invoice");
        String id = "in_" + random();
        invoice.addProperty("id", id);
        invoice.addProperty("customer", sub.get("customer").getAsString());
        invoice.addProperty("status", status);
        invoice.addProperty("number", "CD-" + (invoices.size() + 1001));
        invoice.addProperty("created", now());
        long amount = sub.getAsJsonObject("items")
                .getAsJsonArray("data")
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("price")
                .get("unit_amount")
                .getAsLong();
        invoice.addProperty("amount_due", amount);
        invoice.addProperty("amount_paid", status.equals("paid") ? amount : 0);
        invoice.addProperty("amount_remaining", status.equals("paid") ? 0 : amount);
        invoice.addProperty("total", amount);
        invoice.addProperty("hosted_invoice_url", baseUrl() + "/invoice/" + id);
        JsonObject details = new JsonObject();
        details.add("metadata", JsonNull.INSTANCE);
        details.addProperty("subscription", subscriptionId);
        JsonObject parent = new JsonObject();
        parent.add("quote_details", JsonNull.INSTANCE);
        parent.add("subscription_details", details);
        parent.addProperty("type", "subscription_details");
        invoice.add("parent", parent);
        invoice.add("lines", list("/v1/invoices/" + id + "/lines", new JsonArray()));
        invoices.put(id, invoice);
        return invoice.deepCopy();
    }

    /** A real-shaped event around an object, as Stripe would send it. */
    public String event(String type, JsonObject object) {
        return event("evt_" + random(), type, object);
    }

    /** {@link #event(String, JsonObject)} with a given id (repeated deliveries share it). */
    public String event(String id, String type, JsonObject object) {
        JsonObject event = fixture("event");
        event.addProperty("id", id);
        event.addProperty("type", type);
        event.addProperty("created", now());
        event.addProperty("api_version", API_VERSION);
        JsonObject data = new JsonObject();
        data.add("object", object.deepCopy());
        event.add("data", data);
        return gson.toJson(event);
    }

    /** The {@code Stripe-Signature} header Stripe sends for this payload at this Unix time. */
    public String signature(String payload, long timestamp) {
        return signature(payload, timestamp, webhookSecret);
    }

    /** As {@link #signature(String, long)} with another secret (a forged delivery). */
    public static String signature(String payload, long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs and posts an event to the webhook URL now; returns the app's answer. */
    public Delivery deliver(String type, JsonObject object) {
        return deliverPayload(type, event(type, object));
    }

    /** Posts a prepared event payload, signed now. */
    public Delivery deliverPayload(String type, String payload) {
        if (webhookUrl == null) {
            throw new IllegalStateException("no webhook URL: call webhookUrl(...) first");
        }
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(webhookUrl))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .header("Stripe-Signature", signature(payload, now()))
                            .POST(HttpRequest.BodyPublishers.ofString(payload))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String id =
                    JsonParser.parseString(payload).getAsJsonObject().get("id").getAsString();
            Delivery d = new Delivery(type, id, r.statusCode(), r.body());
            deliveries.add(d);
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Completes a Checkout Session as the hosted page's "Pay and subscribe" does: the customer's subscription becomes
     * active, a paid invoice is made, and {@code checkout.session.completed}, {@code customer.subscription.created} and
     * {@code invoice.paid} are delivered.
     *
     * @return the new subscription's id
     */
    public String completeCheckout(String sessionId) {
        JsonObject session = sessions.get(sessionId);
        if (session == null) {
            throw new IllegalArgumentException("no checkout session " + sessionId);
        }
        String customer = session.get("customer").isJsonNull()
                ? createCustomer(Map.of()).get("id").getAsString()
                : session.get("customer").getAsString();
        JsonObject sub = fixture("subscription");
        String subId = "sub_" + random();
        long now = now();
        sub.addProperty("id", subId);
        sub.addProperty("customer", customer);
        sub.addProperty("status", "active");
        sub.addProperty("created", now);
        sub.addProperty("start_date", now);
        sub.addProperty("cancel_at_period_end", false);
        for (String nulled : List.of("cancel_at", "canceled_at", "ended_at", "latest_invoice", "schedule")) {
            sub.add(nulled, JsonNull.INSTANCE);
        }
        sub.add("metadata", session.getAsJsonObject("cd_subscription_metadata").deepCopy());
        JsonObject itemFixture =
                sub.getAsJsonObject("items").getAsJsonArray("data").get(0).getAsJsonObject();
        JsonArray items = new JsonArray();
        for (JsonElement p : session.getAsJsonArray("cd_prices")) {
            JsonObject item = itemFixture.deepCopy();
            item.addProperty("id", "si_" + random());
            item.addProperty("subscription", subId);
            item.addProperty("current_period_start", now);
            item.addProperty("current_period_end", now + 30L * 24 * 3600);
            item.getAsJsonObject("price").addProperty("id", p.getAsString());
            items.add(item);
        }
        sub.add("items", list("/v1/subscription_items?subscription=" + subId, items));
        subscriptions.put(subId, sub);
        session.addProperty("status", "complete");
        session.addProperty("payment_status", "paid");
        session.addProperty("customer", customer);
        session.addProperty("subscription", subId);
        JsonObject invoice = invoiceFor(subId, "paid");
        if (webhookUrl != null) {
            deliver("checkout.session.completed", publicView(session));
            deliver("customer.subscription.created", sub);
            deliver("invoice.paid", invoice);
        }
        return subId;
    }

    /** Cancels a subscription as the portal's button does, delivering {@code customer.subscription.deleted}. */
    public void cancel(String subscriptionId) {
        setStatus(subscriptionId, "canceled");
        if (webhookUrl != null) {
            deliver("customer.subscription.deleted", subscriptions.get(subscriptionId));
        }
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requests.add(method + " " + path);
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.startsWith("/pay/") || path.startsWith("/portal/") || path.startsWith("/invoice/")) {
                hosted(exchange, method, path);
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.equals("Bearer " + apiKey)) {
                error(exchange, 401, "invalid_request_error", "Invalid API Key provided");
                return;
            }
            Map<String, String> form = form(body);
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            api(exchange, method, path, form, query);
        } catch (RuntimeException e) {
            error(exchange, 500, "api_error", "fake failed: " + e);
        }
    }

    private void api(
            HttpExchange exchange, String method, String path, Map<String, String> form, Map<String, String> query)
            throws IOException {
        String[] parts = path.split("/");
        if (method.equals("POST") && path.equals("/v1/customers")) {
            json(exchange, 200, createCustomer(form));
        } else if (method.equals("GET") && path.startsWith("/v1/customers/")) {
            found(exchange, customers.get(parts[3]), "customer");
        } else if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
            json(exchange, 200, publicView(createSession(form)));
        } else if (method.equals("GET") && path.startsWith("/v1/checkout/sessions/")) {
            JsonObject s = sessions.get(parts[4]);
            found(exchange, s == null ? null : publicView(s), "checkout.session");
        } else if (method.equals("POST") && path.equals("/v1/billing_portal/sessions")) {
            json(exchange, 200, createPortal(form));
        } else if (method.equals("GET") && path.startsWith("/v1/subscriptions/")) {
            JsonObject s = subscriptions.get(parts[3]);
            if (s == null) {
                found(exchange, null, "subscription");
            } else {
                synchronized (s) {
                    json(exchange, 200, s.deepCopy());
                }
            }
        } else if (method.equals("GET") && path.equals("/v1/invoices")) {
            JsonArray data = new JsonArray();
            invoices.values().stream()
                    .filter(i -> i.get("customer").getAsString().equals(query.get("customer")))
                    .sorted((a, b) -> Long.compare(
                            b.get("created").getAsLong(), a.get("created").getAsLong()))
                    .forEach(i -> data.add(i.deepCopy()));
            json(exchange, 200, list("/v1/invoices", data));
        } else if (method.equals("POST") && path.equals("/v1/billing/meter_events")) {
            meterEvent(exchange, form);
        } else {
            error(exchange, 404, "invalid_request_error", "Unrecognized request URL (" + method + ": " + path + ")");
        }
    }

    private void meterEvent(HttpExchange exchange, Map<String, String> form) throws IOException {
        meterEventRequests.incrementAndGet();
        if (failMeterEvents.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            error(exchange, 500, "api_error", "An unknown error occurred (fake outage)");
            return;
        }
        String identifier = form.getOrDefault("identifier", "mev_" + random());
        JsonObject event = fixture("billing.meter_event");
        event.addProperty("event_name", form.get("event_name"));
        event.addProperty("identifier", identifier);
        event.addProperty("created", now());
        event.addProperty("timestamp", Long.parseLong(form.getOrDefault("timestamp", Long.toString(now()))));
        JsonObject payload = new JsonObject();
        form.forEach((k, v) -> {
            if (k.startsWith("payload[")) {
                payload.addProperty(k.substring(8, k.length() - 1), v);
            }
        });
        event.add("payload", payload);
        meterEvents.putIfAbsent(identifier, event);
        json(exchange, 200, meterEvents.get(identifier));
    }

    private JsonObject createCustomer(Map<String, String> form) {
        JsonObject c = fixture("customer");
        String id = "cus_" + random();
        c.addProperty("id", id);
        c.addProperty("created", now());
        c.addProperty("name", form.get("name"));
        c.addProperty("email", form.get("email"));
        c.add("metadata", prefixed(form, "metadata"));
        c.add("discount", JsonNull.INSTANCE);
        customers.put(id, c);
        return c.deepCopy();
    }

    private JsonObject createSession(Map<String, String> form) {
        JsonObject s = fixture("checkout.session");
        String id = "cs_test_" + random();
        s.addProperty("id", id);
        s.addProperty("created", now());
        s.addProperty("expires_at", now() + 24 * 3600);
        s.addProperty("mode", form.getOrDefault("mode", "payment"));
        s.addProperty("status", "open");
        s.addProperty("payment_status", "unpaid");
        s.addProperty("customer", form.get("customer"));
        s.addProperty("client_reference_id", form.get("client_reference_id"));
        s.addProperty("success_url", form.get("success_url"));
        s.addProperty("cancel_url", form.get("cancel_url"));
        s.addProperty("url", baseUrl() + "/pay/" + id);
        s.add("metadata", prefixed(form, "metadata"));
        s.add("subscription", JsonNull.INSTANCE);
        s.add("payment_intent", JsonNull.INSTANCE);
        JsonArray prices = new JsonArray();
        for (int i = 0; form.containsKey("line_items[" + i + "][price]"); i++) {
            prices.add(form.get("line_items[" + i + "][price]"));
        }
        s.add("cd_prices", prices);
        s.add("cd_subscription_metadata", prefixed(form, "subscription_data[metadata]"));
        sessions.put(id, s);
        return s;
    }

    private JsonObject createPortal(Map<String, String> form) {
        JsonObject p = fixture("billing_portal.session");
        String id = "bps_" + random();
        p.addProperty("id", id);
        p.addProperty("created", now());
        p.addProperty("customer", form.get("customer"));
        p.addProperty("return_url", form.get("return_url"));
        p.addProperty("url", baseUrl() + "/portal/" + id);
        p.add("flow", JsonNull.INSTANCE);
        p.addProperty("livemode", false);
        portals.put(id, p);
        return p.deepCopy();
    }

    /** The hosted Checkout, Customer Portal and invoice pages. */
    private void hosted(HttpExchange exchange, String method, String path) throws IOException {
        String[] parts = path.split("/");
        if (path.startsWith("/pay/")) {
            JsonObject s = sessions.get(parts[2]);
            if (s == null) {
                page(exchange, 404, "<h1>No such checkout</h1>");
            } else if (method.equals("POST")) {
                completeCheckout(parts[2]);
                redirect(exchange, s.get("success_url").getAsString().replace("{CHECKOUT_SESSION_ID}", parts[2]));
            } else {
                String prices = String.join(
                        ", ",
                        s.getAsJsonArray("cd_prices").asList().stream()
                                .map(JsonElement::getAsString)
                                .toList());
                page(exchange, 200, """
                        <h1>Test checkout</h1>
                        <p>Stripe test mode (local fake). Subscription to <span id="prices">%s</span>.</p>
                        <form method="post"><button id="pay" type="submit">Pay and subscribe</button></form>
                        <p><a id="cancel" href="%s">Cancel</a></p>""".formatted(
                                escape(prices), escape(s.get("cancel_url").getAsString())));
            }
        } else if (path.startsWith("/portal/")) {
            JsonObject p = portals.get(parts[2]);
            if (p == null) {
                page(exchange, 404, "<h1>No such portal session</h1>");
                return;
            }
            String customer = p.get("customer").getAsString();
            List<JsonObject> subs = subscriptionsOf(customer).stream()
                    .filter(x -> !x.get("status").getAsString().equals("canceled"))
                    .toList();
            if (method.equals("POST") && parts.length > 3 && parts[3].equals("cancel")) {
                subs.forEach(x -> cancel(x.get("id").getAsString()));
                redirect(exchange, p.get("return_url").getAsString());
            } else {
                page(exchange, 200, """
                        <h1>Test customer portal</h1>
                        <p>Customer <span id="customer">%s</span>: %d active subscription(s). Payment method: test card.</p>
                        <form method="post" action="/portal/%s/cancel"><button id="cancel-subscription" type="submit">Cancel subscription</button></form>
                        <p><a id="return" href="%s">Return</a></p>""".formatted(
                                escape(customer),
                                subs.size(),
                                escape(parts[2]),
                                escape(p.get("return_url").getAsString())));
            }
        } else {
            JsonObject i = invoices.get(parts[2]);
            page(
                    exchange,
                    i == null ? 404 : 200,
                    i == null
                            ? "<h1>No such invoice</h1>"
                            : "<h1>Invoice " + escape(i.get("number").getAsString()) + "</h1>");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The session as Stripe shows it (without the fake's own bookkeeping members). */
    private static JsonObject publicView(JsonObject session) {
        JsonObject copy = session.deepCopy();
        copy.remove("cd_prices");
        copy.remove("cd_subscription_metadata");
        return copy;
    }

    private JsonObject fixture(String type) {
        JsonObject f = fixtures.getAsJsonObject(type);
        if (f == null) {
            throw new IllegalStateException("fixtures3.json has no " + type);
        }
        JsonObject copy = f.deepCopy();
        copy.addProperty("livemode", false);
        return copy;
    }

    private static JsonObject list(String url, JsonArray data) {
        JsonObject list = new JsonObject();
        list.addProperty("object", "list");
        list.add("data", data);
        list.addProperty("has_more", false);
        list.addProperty("url", url);
        return list;
    }

    private static JsonObject prefixed(Map<String, String> form, String prefix) {
        JsonObject o = new JsonObject();
        form.forEach((k, v) -> {
            if (k.startsWith(prefix + "[") && k.indexOf(']', prefix.length() + 1) == k.length() - 1) {
                o.addProperty(k.substring(prefix.length() + 1, k.length() - 1), v);
            }
        });
        return o;
    }

    /** A form-encoded body (or query) as a flat map of Stripe's bracketed keys. */
    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(k, v);
        }
        return form;
    }

    private void found(HttpExchange exchange, JsonObject object, String type) throws IOException {
        if (object == null) {
            error(exchange, 404, "invalid_request_error", "No such " + type);
        } else {
            json(exchange, 200, object.deepCopy());
        }
    }

    private void json(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = gson.toJson(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_" + random());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        JsonObject error = new JsonObject();
        error.addProperty("type", type);
        error.addProperty("message", message);
        JsonObject body = new JsonObject();
        body.add("error", error);
        json(exchange, status, body);
    }

    private static void page(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Stripe test mode</title>"
                        + "</head><body>" + body + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
