import * as Comlink from 'comlink';
import { createBalanceApi } from './balanceApi';

Comlink.expose(createBalanceApi(), self);
