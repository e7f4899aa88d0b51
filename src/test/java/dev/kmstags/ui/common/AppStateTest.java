package dev.kmstags.ui.common;

import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static dev.kmstags.ui.common.TestKeys.PAYMENTS;
import static dev.kmstags.ui.common.TestKeys.REPORTING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared state: the selection of several keys, and several leave guards. */
class AppStateTest {

    private final AppState state = new AppState();
    private final List<String> asked = new ArrayList<>();

    private LeaveGuard guard(String name, boolean allow) {
        return () -> {
            asked.add(name);
            return allow;
        };
    }

    @Test
    void theSelectedKeyIsTheOnlyOneSelectedAndNoneWhileSeveralAre() {
        KeyRowViewModel payments = new KeyRowViewModel(PAYMENTS, MESSAGES, DATES);
        KeyRowViewModel reporting = new KeyRowViewModel(REPORTING, MESSAGES, DATES);

        state.setSelectedKeys(List.of(payments));
        assertThat(state.selectedKeyProperty().get()).isSameAs(payments);

        state.setSelectedKeys(List.of(payments, reporting));
        assertThat(state.selectedKeys()).containsExactly(payments, reporting);
        assertThat(state.selectedKeyProperty().get()).isNull();

        state.setSelectedKeys(List.of());
        assertThat(state.selectedKeyProperty().get()).isNull();
    }

    @Test
    void everyLeaveGuardIsAskedInTurnUntilOneSaysNo() {
        state.addLeaveGuard(guard("editor", true));
        state.addLeaveGuard(guard("export", true));
        assertThat(state.mayLeave()).isTrue();
        assertThat(asked).containsExactly("editor", "export");

        asked.clear();
        state.addLeaveGuard(guard("import", false));
        state.addLeaveGuard(guard("history", true));
        assertThat(state.mayReplaceConnection()).isFalse();
        assertThat(asked).containsExactly("editor", "export", "import");
    }

    @Test
    void aGuardThatHoldsClosingBackAsksTheGuardsAfterItBeforeTheAppCloses() {
        Runnable[] held = {null};
        state.addLeaveGuard(new LeaveGuard() {
            @Override
            public boolean mayLeave() {
                return true;
            }

            @Override
            public boolean mayClose(Runnable close) {
                held[0] = close;
                return false;
            }
        });
        boolean[] allow = {false};
        state.addLeaveGuard(() -> allow[0]);
        int[] closed = {0};

        assertThat(state.mayClose(() -> closed[0]++)).isFalse();
        held[0].run();
        assertThat(closed[0]).as("the second guard still says no").isZero();

        allow[0] = true;
        held[0].run();
        assertThat(closed[0]).isEqualTo(1);
    }
}
