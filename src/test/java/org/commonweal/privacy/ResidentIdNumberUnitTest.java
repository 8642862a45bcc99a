package org.commonweal.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResidentIdNumberUnitTest {

    @Test
    void acceptsNumbersWithTheGb11643CheckCharacter() {
        assertThat(ResidentIdNumber.parse("11010519491231002X")).isPresent(); // the standard's own example
        assertThat(ResidentIdNumber.parse("11010519491231002x")).isPresent();
        assertThat(ResidentIdNumber.parse(" 1101 0519 8503 1420 35 ")).map(ResidentIdNumber::value).contains("110105198503142035");
    }

    @Test
    void refusesWrongCheckCharactersLengthsAndLetters() {
        assertThat(ResidentIdNumber.parse("110105194912310021")).isEmpty();
        assertThat(ResidentIdNumber.parse("11010519491231002")).isEmpty();
        assertThat(ResidentIdNumber.parse("1101051949123100212")).isEmpty();
        assertThat(ResidentIdNumber.parse("X1010519491231002X")).isEmpty();
        assertThat(ResidentIdNumber.parse("")).isEmpty();
        assertThat(ResidentIdNumber.parse("１１０１０５１９４９１２３１００２Ｘ")).isEmpty(); // full-width digits
        assertThatThrownBy(() -> new ResidentIdNumber("110105194912310021")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPrintsTheNumber() {
        assertThat(new ResidentIdNumber("11010519491231002X").toString()).doesNotContain("19491231");
    }
}
