import { signal } from '@preact/signals';
import { render } from 'preact';

const n = signal(0);
function App() {
  return (
    <button type="button" onClick={() => n.value++}>
      clicked {n}
    </button>
  );
}
render(<App />, document.getElementById('app')!);
