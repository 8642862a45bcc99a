package org.commonweal.requests;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.MutableClock;
import org.commonweal.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonweal.support.CommonwealIntegrationTest.DEMO_PASSWORD;

/** Citizens and staff through the pages, without JavaScript, over real HTTP. */
@CommonwealIntegrationTest
class RequestPagesIntegrationTest {

    private static final Pattern RECEIPT = Pattern.compile("/requests/([0-9A-Z]{5}-[0-9A-Z]{5})\\?submitted=?&key=([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void startOfWeek() {
        clock.set(MutableClock.START);
    }

    private static Map<String, String> streetlightForm(String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("description", description);
        form.put("address", "临江路 88 号");
        form.put("lat", "");
        form.put("lon", "");
        form.put("attribute.lamp_state", "off");
        form.put("contactEmail", "liu@example.cn");
        form.put("confirmed", "on");
        return form;
    }

    record Receipt(String number, String key) {
    }

    /** Reports a street light through the form, as a person without an account. */
    private static Receipt report(WebSession citizen, String description) {
        citizen.get("/requests/new/streetlight");
        return receiptOf(citizen.post("/requests/new/streetlight", streetlightForm(description)));
    }

    private static Receipt receiptOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = URLDecoder.decode(response.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        Matcher matcher = RECEIPT.matcher(location);
        assertThat(matcher.find()).as(location).isTrue();
        return new Receipt(matcher.group(1), matcher.group(2));
    }

    @Nested
    class Reporting {

        @Test
        void findsCategoriesByWordsInEitherLanguage() {
            WebSession anyone = new WebSession(port);
            assertThat(anyone.get("/requests/new?q=社保").body()).contains("社会保险").doesNotContain("路灯不亮");
            assertThat(anyone.get("/requests/new?q=noise&lang=en").body()).contains("Noise nuisance");
            assertThat(anyone.get("/requests/new?q=%3Cscript%3E").body()).contains("&lt;script&gt;").doesNotContain("<script>alert");
        }

        @Test
        void anAnonymousCitizenGetsATrackingNumberAndAPrivateLink() {
            WebSession citizen = new WebSession(port);
            Receipt receipt = report(citizen, "路灯不亮 <script>alert(1)</script>");

            String page = citizen.get("/requests/" + receipt.number() + "?submitted&key=" + receipt.key()).body();
            assertThat(page).contains(receipt.number(), "您的诉求已提交", "补充情况", "&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>alert(1)</script>", "liu@example.cn");
            String withoutKey = new WebSession(port).get("/requests/" + receipt.number()).body();
            assertThat(withoutKey).contains(receipt.number()).doesNotContain("补充情况", "liu@example.cn");
        }

        @Test
        void problemsComeBackOnTheFormWithTheTypedText() {
            WebSession citizen = new WebSession(port);
            citizen.get("/requests/new/streetlight");
            Map<String, String> form = streetlightForm(" ");
            form.put("address", "'; DROP TABLE requests_request; --");
            form.put("lat", "north");
            HttpResponse<String> response = citizen.post("/requests/new/streetlight", form);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("error-summary", "href=\"#lat\"", "&#39;; DROP TABLE requests_request; --");

            HttpResponse<String> noDescription = citizen.post("/requests/new/streetlight", streetlightForm(""));
            assertThat(noDescription.statusCode()).isEqualTo(400);
            assertThat(noDescription.body()).contains("href=\"#description\"", "请用几句话描述问题");
        }

        @Test
        void anUnknownCategoryIsAFriendlyPage() {
            HttpResponse<String> response = new WebSession(port).get("/requests/new/..%2F..%2Fetc%2Fpasswd");
            assertThat(response.statusCode()).isBetween(400, 404);
            assertThat(response.body()).doesNotContain("Exception", "at org.");
        }

        @Test
        void nastyAddressesGetFriendlyAnswers() {
            WebSession anyone = new WebSession(port);
            assertThat(anyone.get("/requests/photos/not-a-uuid").statusCode()).isEqualTo(400);
            assertThat(anyone.get("/requests/photos/" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
            assertThat(anyone.get("/requests/ZZZZZ-ZZZZZ").statusCode()).isEqualTo(404);
            assertThat(anyone.get("/requests/track?number=%3Cscript%3E").body()).doesNotContain("<script>");
            assertThat(anyone.get("/requests?page=-5&category=%27%3B--").statusCode()).isEqualTo(200);
            HttpResponse<String> hugePage = anyone.get("/requests?page=99999999999999999999");
            assertThat(hugePage.statusCode()).isEqualTo(200);
        }

        @Test
        void aRatingMustBeOneOfTheThree() {
            WebSession citizen = new WebSession(port);
            Receipt receipt = report(citizen, "灯不亮");
            WebSession staff = WebSession.signedIn(port, "staff.urban", DEMO_PASSWORD);
            staff.get("/department/requests/" + receipt.number());
            staff.post("/department/requests/" + receipt.number() + "/resolve", Map.of("version", "0", "text", "修好了"));

            citizen.get("/requests/" + receipt.number() + "?key=" + receipt.key());
            HttpResponse<String> response = citizen.post("/requests/" + receipt.number() + "/rating",
                    Map.of("key", receipt.key(), "rating", "SUPER", "solved", "yes"));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("href=\"#rating-rating\"");
        }

        @Test
        void photosAreKeptWithoutTheirMetadata() throws IOException {
            WebSession citizen = new WebSession(port);
            citizen.get("/requests/new/streetlight");
            byte[] png = pngWithText("GPS 30.2N 120.1E secret camera");
            Receipt receipt = receiptOf(citizen.postMultipart("/requests/new/streetlight", streetlightForm("灯坏了"),
                    "photos", "lamp.png", "image/png", png));

            String page = citizen.get("/requests/" + receipt.number() + "?key=" + receipt.key()).body();
            Matcher photo = Pattern.compile("/requests/photos/([0-9a-f-]{36})").matcher(page);
            assertThat(photo.find()).isTrue();
            HttpResponse<byte[]> stored = citizen.getBytes("/requests/photos/" + photo.group(1));
            assertThat(stored.headers().firstValue("Content-Type")).contains("image/png");
            assertThat(new String(stored.body(), StandardCharsets.ISO_8859_1)).doesNotContain("GPS", "secret");
            assertThat(ImageIO.read(new java.io.ByteArrayInputStream(stored.body())).getWidth()).isEqualTo(4);
        }

        @Test
        void aFakeImageIsRefusedByItsContent() {
            WebSession citizen = new WebSession(port);
            citizen.get("/requests/new/streetlight");
            HttpResponse<String> response = citizen.postMultipart("/requests/new/streetlight", streetlightForm("灯坏了"),
                    "photos", "lamp.jpg", "image/jpeg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("href=\"#photos\"");
        }

        @Test
        void aSignedInCitizenSeesTheirRequests() {
            WebSession liu = WebSession.signedIn(port, "citizen.liu", DEMO_PASSWORD);
            liu.get("/requests/new/social-insurance");
            HttpResponse<String> response = liu.post("/requests/new/social-insurance",
                    Map.of("description", "养老金三个月没有到账", "address", "", "lat", "", "lon", ""));
            assertThat(response.statusCode()).isEqualTo(302);
            String number = response.headers().firstValue("Location").orElseThrow().replaceAll(".*/requests/([0-9A-Z-]{11}).*", "$1");

            assertThat(liu.get("/requests/mine").body()).contains(number);
            assertThat(new WebSession(port).get("/requests/" + number).body())
                    .as("a personal matter shows no details to others").doesNotContain("养老金三个月没有到账");
            assertThat(new WebSession(port).get("/requests/mine").statusCode()).isEqualTo(302);
        }
    }

    @Nested
    class Handling {

        @Test
        void staffTakeItUpAndAnswerAndTheCitizenRatesIt() {
            WebSession citizen = new WebSession(port);
            Receipt receipt = report(citizen, "第三根路灯不亮");

            WebSession staff = WebSession.signedIn(port, "staff.urban", DEMO_PASSWORD);
            assertThat(staff.get("/department/requests").body()).contains(receipt.number());
            staff.get("/department/requests/" + receipt.number());
            assertThat(staff.post("/department/requests/" + receipt.number() + "/accept",
                    Map.of("version", "0", "text", "")).statusCode()).isEqualTo(302);
            staff.get("/department/requests/" + receipt.number());
            assertThat(staff.post("/department/requests/" + receipt.number() + "/resolve",
                    Map.of("version", "1", "text", "已更换灯泡")).statusCode()).isEqualTo(302);

            String page = citizen.get("/requests/" + receipt.number() + "?key=" + receipt.key()).body();
            assertThat(page).contains("已更换灯泡", "评价办理结果");
            HttpResponse<String> rated = citizen.post("/requests/" + receipt.number() + "/rating",
                    Map.of("key", receipt.key(), "rating", "SATISFIED", "solved", "yes", "rating-text", "谢谢"));
            assertThat(rated.statusCode()).isEqualTo(302);
            assertThat(citizen.get("/requests/" + receipt.number()).body()).contains("已办结", "满意");

            WebSession admin = WebSession.signedIn(port, CommonwealIntegrationTest.ADMIN, CommonwealIntegrationTest.ADMIN_PASSWORD);
            assertThat(admin.get("/admin/outbox").body()).as("without SMTP the administrator reads the messages")
                    .contains(receipt.number(), "liu@example.cn", "已办结答复");
            assertThat(staff.get("/admin/outbox").statusCode()).isEqualTo(403);
        }

        @Test
        void aStaleFormIsRefusedWithAConflict() {
            WebSession citizen = new WebSession(port);
            Receipt receipt = report(citizen, "灯不亮");
            WebSession staff = WebSession.signedIn(port, "staff.urban", DEMO_PASSWORD);
            staff.get("/department/requests/" + receipt.number());
            staff.post("/department/requests/" + receipt.number() + "/accept", Map.of("version", "0", "text", ""));

            HttpResponse<String> stale = staff.post("/department/requests/" + receipt.number() + "/resolve",
                    Map.of("version", "0", "text", "修好了"));
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(stale.body()).contains("请刷新后再试");
        }

        @Test
        void anotherDepartmentCannotSeeOrAct() {
            WebSession citizen = new WebSession(port);
            Receipt receipt = report(citizen, "灯不亮");
            WebSession transport = WebSession.signedIn(port, "staff.transport", DEMO_PASSWORD);

            assertThat(transport.get("/department/requests/" + receipt.number()).statusCode()).isEqualTo(403);
            transport.get("/department/requests");
            assertThat(transport.post("/department/requests/" + receipt.number() + "/resolve",
                    Map.of("version", "0", "text", "不是我们的")).statusCode()).isEqualTo(403);
        }

        @Test
        void someoneWithoutTheKeyCannotRate() {
            WebSession citizen = new WebSession(port);
            Receipt receipt = report(citizen, "灯不亮");
            WebSession stranger = new WebSession(port);
            stranger.get("/requests/" + receipt.number());
            HttpResponse<String> response = stranger.post("/requests/" + receipt.number() + "/information",
                    Map.of("key", "guessed", "information-text", "我来捣乱"));
            assertThat(response.statusCode()).isEqualTo(403);
        }
    }

    /** A 4x4 PNG with a tEXt chunk, as a phone might leave location notes in one. */
    private static byte[] pngWithText(String text) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", plain);
        byte[] bytes = plain.toByteArray();
        byte[] data = ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int afterHeader = 8 + 25; // signature, then the IHDR chunk
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, afterHeader);
        out.write(chunk.array());
        out.write(bytes, afterHeader, bytes.length - afterHeader);
        return out.toByteArray();
    }
}
